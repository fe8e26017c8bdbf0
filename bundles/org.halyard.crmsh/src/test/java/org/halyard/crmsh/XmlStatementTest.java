package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code xml <element>}, which crm configure show prints for what crm syntax cannot say: the
 * element goes into the CIB as written, ids included, as {@code crm configure load update} puts
 * it; errors point into the XML.
 */
class XmlStatementTest {

    @Test
    void theElementKeepsItsIds() {
        assertEquals("<constraints><rsc_location id=\"l\" rsc=\"a\"><rule id=\"r\""
                + " boolean-op=\"or\" score=\"1\"><rule id=\"inner\"><expression id=\"e\""
                + " attribute=\"x\" operation=\"defined\"/></rule></rule></rsc_location>"
                + "</constraints>",
                CibSections.ofText("""
                        primitive a Dummy
                        xml <rsc_location id="l" rsc="a"> \\
                          <rule id="r" score="1" boolean-op="or"> \\
                            <rule id="inner"> \\
                              <expression id="e" attribute="x" operation="defined"/> \\
                            </rule> \\
                          </rule> \\
                        </rsc_location>
                        """, "constraints"));
    }

    /**
     * crm shows a container it cannot say as xml, and its members by their own statements too;
     * loading both, crm keeps the members of the xml.
     */
    @Test
    void aContainerInXmlKeepsItsMembersOverTheirStatements() {
        assertEquals("<resources><group id=\"g\"><meta_attributes id=\"g-m\"><rule id=\"g-m-r\""
                + " score=\"1\"><rule id=\"g-m-r2\"><expression id=\"e1\" attribute=\"x\""
                + " operation=\"defined\"/></rule></rule><nvpair id=\"g-m-a\" name=\"target-role\""
                + " value=\"Started\"/></meta_attributes><primitive id=\"inner\" class=\"ocf\""
                + " provider=\"heartbeat\" type=\"Dummy\"/></group></resources>",
                CibSections.ofText("""
                        xml <group id="g"> \\
                          <meta_attributes id="g-m"> \\
                            <rule id="g-m-r" score="1"> \\
                              <rule id="g-m-r2"> \\
                                <expression id="e1" attribute="x" operation="defined"/> \\
                              </rule> \\
                            </rule> \\
                            <nvpair id="g-m-a" name="target-role" value="Started"/> \\
                          </meta_attributes> \\
                          <primitive id="inner" class="ocf" provider="heartbeat" type="Dummy"/> \\
                        </group>
                        primitive inner Dummy meta target-role=Stopped
                        """, "resources"));
    }

    @Test
    void errorsPointIntoTheXml() {
        assertEquals(List.of("t.crm:3:3: in the xml statement: The element type \"bogus\" must be"
                + " terminated by the matching end-tag \"</bogus>\"."),
                errors("xml <rsc_location id=\"l\" rsc=\"a\" score=\"1\" node=\"n1\"> \\\n"
                        + "  <bogus> \\\n</rsc_location>"));
        assertEquals(List.of("t.crm:1:54: in the xml statement: The element type \"rsc_location\""
                + " must be terminated by the matching end-tag \"</rsc_location>\"."),
                errors("xml <rsc_location id=\"l\" rsc=\"a\" score=\"1\" node=\"n1\">"));
        assertEquals(List.of("t.crm:1:5: expected an XML element, one of <acl_group>, <acl_role>,"
                + " <acl_target>, <alert>, <bundle>, <clone>, <fencing-topology>, <group>,"
                + " <master>, <node>, <primitive>, <rsc_colocation>, <rsc_location>, <rsc_order>,"
                + " <rsc_ticket>, <tag>, <template>, after xml, found <cluster_property_set>"),
                errors("xml <cluster_property_set id=\"c\"/>"));
        assertEquals(List.of("t.crm:1:5: expected one element in the xml statement, found 2"),
                errors("xml <tag id=\"t\"><obj_ref id=\"a\"/></tag><tag id=\"u\"/>"));
        assertEquals(List.of("t.crm:2:5: rsc_location \"a\": the id is already used by primitive"
                + " \"a\" at t.crm:1:1"), errors("primitive a Dummy\n"
                        + "xml <rsc_location id=\"a\" rsc=\"a\" score=\"1\" node=\"n1\"/>"));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
