package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fencing_topology}: the XML crmsh 4.4 writes for it ({@code crm configure load update}
 * into a file-backed CIB), the text crm configure show prints, and errors.
 */
class FencingTopologyTest {

    private static final String NODES = "node n1\nnode n2\n";

    @Test
    void levelsAreNumberedPerTargetAndGetCrmIds() {
        assertEquals("<fencing-topology>"
                + "<fencing-level id=\"fencing\" target=\"n1\" index=\"1\" devices=\"st1\"/>"
                + "<fencing-level id=\"fencing-0\" target=\"n1\" index=\"2\""
                + " devices=\"st2,st3\"/>"
                + "<fencing-level id=\"fencing-1\" target=\"n2\" index=\"1\" devices=\"st3\"/>"
                + "</fencing-topology>",
                CibSections.ofText(NODES + "fencing_topology n1: st1 st2,st3 n2: st3",
                        "fencing-topology"));
    }

    @Test
    void withoutTargetsTheLevelsAreForEveryNodeDefinedBefore() {
        assertEquals("<fencing-topology>"
                + "<fencing-level id=\"fencing\" target=\"n1\" index=\"1\" devices=\"a\"/>"
                + "<fencing-level id=\"fencing-0\" target=\"n1\" index=\"2\" devices=\"b,c\"/>"
                + "<fencing-level id=\"fencing-1\" target=\"n2\" index=\"1\" devices=\"a\"/>"
                + "<fencing-level id=\"fencing-2\" target=\"n2\" index=\"2\" devices=\"b,c\"/>"
                + "</fencing-topology>",
                CibSections.ofText(NODES + "fencing_topology a b,c", "fencing-topology"));
    }

    @Test
    void attributeAndPatternTargets() {
        assertEquals("<fencing-topology>"
                + "<fencing-level id=\"fencing\" target-attribute=\"rack\" target-value=\"r1\""
                + " index=\"1\" devices=\"a\"/>"
                + "<fencing-level id=\"fencing-0\" target-pattern=\"node[0-9]+\" index=\"1\""
                + " devices=\"b\"/>"
                + "<fencing-level id=\"fencing-1\" target-pattern=\"node[0-9]+\" index=\"2\""
                + " devices=\"c\"/>"
                + "</fencing-topology>",
                CibSections.ofText("fencing_topology attr:rack=r1 a pattern:node[0-9]+ b c",
                        "fencing-topology"));
    }

    @Test
    void printsAsCrmConfigureShowAndReprintsStably() {
        String byTarget = """
                fencing_topology \\
                    n1: st1 st2,st3 \\
                    n2: st3 \\
                    attr:rack=r1 st4 \\
                    pattern:db.* st5
                """;
        assertEquals(NODES + byTarget, CibSections.reprint(NODES + byTarget));
        String sameForAll = "fencing_topology st1 st2,st3\n";
        assertEquals(NODES + sameForAll, CibSections.reprint(NODES + sameForAll));
        assertEquals(NODES + sameForAll,
                CibSections.reprint(NODES + "fencing_topology n1: st1 st2,st3 n2: st1 st2,st3"));
    }

    /**
     * crm syntax has no place for level ids: loaded from the text (into an empty CIB, or with
     * load replace), the levels get crm's ids, as with crm. (crm's load update into the CIB the
     * text came from keeps them, since it finds nothing changed.)
     */
    @Test
    void customLevelIdsDoNotTravel() {
        String shown = CibSections.printed("<nodes><node id=\"n1\" uname=\"n1\"/>"
                + "<node id=\"n2\" uname=\"n2\"/></nodes><fencing-topology>"
                + "<fencing-level id=\"my-level-1\" target=\"n1\" index=\"1\" devices=\"st1\"/>"
                + "<fencing-level id=\"my-level-2\" target=\"n1\" index=\"2\" devices=\"st2\"/>"
                + "<fencing-level id=\"fl-n2\" target=\"n2\" index=\"1\" devices=\"st1,st2\"/>"
                + "</fencing-topology>");
        assertEquals(NODES + "fencing_topology \\\n    n1: st1 st2 \\\n    n2: st1,st2\n", shown);
        assertEquals("<fencing-topology>"
                + "<fencing-level id=\"fencing\" target=\"n1\" index=\"1\" devices=\"st1\"/>"
                + "<fencing-level id=\"fencing-0\" target=\"n1\" index=\"2\" devices=\"st2\"/>"
                + "<fencing-level id=\"fencing-1\" target=\"n2\" index=\"1\""
                + " devices=\"st1,st2\"/></fencing-topology>",
                CibSections.ofText(shown, "fencing-topology"));
    }

    /** Levels not numbered 1, 2... per target: crm shows xml, which keeps indexes and ids. */
    @Test
    void otherIndexesAreShownAsXml() {
        String topology = "<fencing-topology>"
                + "<fencing-level id=\"a\" target=\"n1\" index=\"1\" devices=\"st1\"/>"
                + "<fencing-level id=\"b\" target=\"n1\" index=\"3\" devices=\"st2\"/>"
                + "</fencing-topology>";
        String shown = CibSections.printed(topology);
        assertEquals("""
                xml <fencing-topology> \\
                  <fencing-level id="a" target="n1" index="1" devices="st1"/> \\
                  <fencing-level id="b" target="n1" index="3" devices="st2"/> \\
                </fencing-topology>
                """, shown);
        assertEquals(topology, CibSections.ofText(shown, "fencing-topology"));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertEquals(List.of("t.crm:1:17: expected stonith resources (comma-separated for one"
                + " level), or a node name followed by \":\" after \"fencing_topology\", found"
                + " end of line"), errors("fencing_topology"));
        assertEquals(List.of("t.crm:3:22: expected stonith resources (comma-separated for one"
                + " level) for n1: after \"fencing_topology n1:\", found \"n2:\""),
                errors(NODES + "fencing_topology n1: n2: a"));
        assertEquals(List.of("t.crm:3:20: target n2: after levels without one: either every"
                + " level follows its target or none does (then they are for every node)"),
                errors(NODES + "fencing_topology a n2: b"));
        assertEquals(List.of("t.crm:1:1: fencing_topology without targets applies to every node,"
                + " but no node is defined before it: define the nodes first or write"
                + " \"<node>: <devices>\""), errors("fencing_topology a\nnode n1"));
        assertEquals(List.of("t.crm:1:22: \"a,,b\" is not a valid id for a fencing device in"
                + " a,,b: an id starts with a letter or _ and has only letters, digits, _, -"
                + " and ."), errors("fencing_topology n1: a,,b"));
        assertEquals(List.of("t.crm:2:1: fencing_topology is already defined at t.crm:1:1:"
                + " write all levels in one statement"),
                errors("fencing_topology n1: a\nfencing_topology n2: b"));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
