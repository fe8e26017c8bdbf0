package org.halyard.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CibDiffTest {

    private static String cib(String resources, String constraints, String status) {
        return """
                <cib admin_epoch="0" epoch="5" num_updates="0" validate-with="pacemaker-3.9">
                  <configuration>
                    <crm_config/>
                    <nodes/>
                    <resources>%s</resources>
                    <constraints>%s</constraints>
                  </configuration>
                  <status>%s</status>
                </cib>
                """.formatted(resources, constraints, status);
    }

    private static final String SHARED = """
            <primitive id="shared" class="ocf" provider="heartbeat" type="IPaddr2">
              <instance_attributes id="shared-ia">
                <nvpair id="shared-ip" name="ip" value="%s"/>
              </instance_attributes>
            </primitive>
            """;

    @Test
    void namesWhatOnlyEachSideHasAndWhatDiffersWithBothValues() {
        String mine = cib(SHARED.formatted("10.0.0.9") + """
                <primitive id="left" class="ocf" provider="heartbeat" type="Dummy">
                  <meta_attributes id="left-meta"><nvpair id="left-role" name="target-role" value="Stopped"/></meta_attributes>
                </primitive>
                """, "", "");
        String theirs = cib(SHARED.formatted("10.0.0.1")
                + "<primitive id=\"doomed\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>", "", "");
        CibDiff diff = CibDiff.of(mine, theirs);
        assertEquals(List.of("primitive left"), diff.onlyInMine(), "a subtree is named once, by its top");
        assertEquals(List.of("primitive doomed"), diff.onlyInTheirs());
        assertEquals(List.of("nvpair shared-ip: value=\"10.0.0.9\" (theirs \"10.0.0.1\")"), diff.different());
        assertEquals("only in mine: primitive left; only in theirs: primitive doomed; "
                + "different: nvpair shared-ip: value=\"10.0.0.9\" (theirs \"10.0.0.1\")", diff.summary(20));
    }

    @Test
    void anAttributeOnOneSideOnlyIsADifference() {
        String mine = cib("<primitive id=\"p\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\" description=\"x\"/>",
                "", "");
        String theirs = cib("<primitive id=\"p\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>", "", "");
        assertEquals(List.of("primitive p: description=\"x\" (theirs unset) provider=\"heartbeat\" (theirs \"pacemaker\")"),
                CibDiff.of(mine, theirs).different());
    }

    @Test
    void referencesRepeatingAnIdAreToldApartByWhereTheyAre() {
        String resources = "<primitive id=\"A\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"
                + "<primitive id=\"B\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>";
        String mine = cib(resources, """
                <rsc_order id="o1"><resource_set id="s1"><resource_ref id="A"/><resource_ref id="B"/></resource_set>
                  <resource_set id="s2"><resource_ref id="A"/></resource_set></rsc_order>
                """, "");
        String theirs = cib(resources, """
                <rsc_order id="o1"><resource_set id="s1"><resource_ref id="A"/><resource_ref id="B"/></resource_set>
                  <resource_set id="s2"><resource_ref id="B"/></resource_set></rsc_order>
                """, "");
        CibDiff diff = CibDiff.of(mine, theirs);
        assertEquals(List.of("resource_ref A"), diff.onlyInMine(), "only s2's reference, not s1's or the primitive");
        assertEquals(List.of("resource_ref B"), diff.onlyInTheirs());
        assertEquals(List.of(), diff.different());
    }

    @Test
    void onlyTheConfigurationCounts() {
        String resources = "<primitive id=\"p\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>";
        CibDiff diff = CibDiff.of(cib(resources, "", "<node_state id=\"1\" uname=\"node1\" in_ccm=\"true\"/>"),
                cib(resources, "", ""));
        assertTrue(diff.isEmpty());
        assertEquals("no difference by id", diff.summary(20));
    }

    @Test
    void theSummaryIsCappedAndLongValuesAreCut() {
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            many.append("<primitive id=\"p").append(i).append("\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>");
        }
        String longValue = "x".repeat(100);
        String mine = cib(SHARED.formatted(longValue) + many, "", "");
        String theirs = cib(SHARED.formatted("short"), "", "");
        String summary = CibDiff.of(mine, theirs).summary(3);
        assertEquals("only in mine: primitive p1, primitive p2, primitive p3 ... and 28 more", summary);
        String changed = CibDiff.of(mine, theirs).different().get(0);
        assertEquals("nvpair shared-ip: value=\"" + "x".repeat(40) + "...\" (theirs \"short\")", changed);
    }
}
