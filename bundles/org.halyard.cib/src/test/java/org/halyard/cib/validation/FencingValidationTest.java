package org.halyard.cib.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.SourcePosition;
import org.halyard.cib.model.resources.Primitive;
import org.junit.jupiter.api.Test;

/** stonith-enabled is true by default, and then Pacemaker starts nothing without a device. */
class FencingValidationTest {

    private static final String MESSAGE = "Resource start-up disabled since no STONITH resources"
            + " have been defined; either configure some or disable STONITH with the"
            + " stonith-enabled option";

    private static String cib(String crmConfig, String resources) {
        return """
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    <crm_config>%s</crm_config>
                    <nodes><node id="1" uname="node1"/></nodes>
                    <resources>
                      %s
                    </resources>
                  </configuration>
                </cib>
                """.formatted(crmConfig, resources);
    }

    private static final String DUMMY = "<primitive id=\"d\" class=\"ocf\" provider=\"heartbeat\""
            + " type=\"Dummy\"/>";

    private static List<String> problems(String xml) {
        return CibValidator.validate(CibXml.parse(xml, "cib.xml")).stream().map(Problem::toString)
                .toList();
    }

    @Test
    void defaultIsEnabledSoNoDeviceIsAnErrorAtTheResources() {
        List<Problem> problems = CibValidator.validate(CibXml.parse(cib("", DUMMY), "cib.xml"));
        assertEquals(List.of(new Problem(Severity.ERROR, Check.NO_FENCING_DEVICE, null,
                new SourcePosition("cib.xml", 5, 5), MESSAGE)), problems);
        assertEquals("cib.xml:5:5: error: " + MESSAGE, problems.get(0).toString());
    }

    @Test
    void explicitlyEnabledIsReportedWhereItIsSet() {
        assertEquals(List.of("cib.xml:3:46: error: " + MESSAGE), problems(cib(
                "<cluster_property_set id=\"o\"><nvpair id=\"o-s\" name=\"stonith-enabled\""
                        + " value=\"true\"/></cluster_property_set>", DUMMY)));
    }

    @Test
    void anInvalidValueMeansTheDefault() {
        assertEquals(List.of("cib.xml:3:46: error: " + MESSAGE), problems(cib(
                "<cluster_property_set id=\"o\"><nvpair id=\"o-s\" name=\"stonith-enabled\""
                        + " value=\"maybe\"/></cluster_property_set>", DUMMY)));
    }

    @Test
    void noProblemWhenDisabledOrWhenADeviceExists() {
        assertEquals(List.of(), problems(cib("<cluster_property_set id=\"o\"><nvpair id=\"o-s\""
                + " name=\"stonith-enabled\" value=\"no\"/></cluster_property_set>", DUMMY)));
        assertEquals(List.of(), problems(cib("", DUMMY
                + "<clone id=\"fc\"><primitive id=\"f\" class=\"stonith\" type=\"fence_xvm\"/></clone>")));
        assertEquals(List.of(), problems(cib("", "<template id=\"ft\" class=\"stonith\""
                + " type=\"fence_ipmilan\"/><primitive id=\"f\" template=\"ft\"/>")));
    }

    @Test
    void watchdogFencingCountsAsADevice() {
        assertEquals(List.of(), problems(cib("<cluster_property_set id=\"o\"><nvpair id=\"o-w\""
                + " name=\"have-watchdog\" value=\"true\"/></cluster_property_set>", DUMMY)));
    }

    @Test
    void bootstrapOptionsWinOverOtherSets() {
        String sets = "<cluster_property_set id=\"extra\" score=\"100\"><nvpair id=\"e-s\""
                + " name=\"stonith-enabled\" value=\"false\"/></cluster_property_set>"
                + "<cluster_property_set id=\"cib-bootstrap-options\"><nvpair id=\"b-s\""
                + " name=\"stonith-enabled\" value=\"true\"/></cluster_property_set>";
        assertEquals(1, problems(cib(sets, DUMMY)).size());
    }

    @Test
    void aRuleBasedSettingIsNotJudged() {
        assertEquals(List.of(), problems(cib("<cluster_property_set id=\"night\" score=\"10\">"
                + "<rule id=\"night-r\"><date_expression id=\"night-d\" operation=\"date_spec\">"
                + "<date_spec id=\"night-ds\" hours=\"0-6\"/></date_expression></rule>"
                + "<nvpair id=\"night-s\" name=\"stonith-enabled\" value=\"false\"/>"
                + "</cluster_property_set>", DUMMY)));
    }

    @Test
    void problemsOfACibBuiltInMemoryHaveNoLocation() {
        Cib cib = Cib.empty();
        Primitive dummy = new Primitive();
        dummy.setId("d");
        dummy.setAgentClass("ocf");
        dummy.setProvider("heartbeat");
        dummy.setType("Dummy");
        cib.configuration().orElseThrow().resources().orElseThrow().add(dummy);
        List<Problem> problems = CibValidator.validate(cib);
        assertEquals(List.of("error: " + MESSAGE), problems.stream().map(Problem::toString).toList());
        assertEquals(null, problems.get(0).location());
    }
}
