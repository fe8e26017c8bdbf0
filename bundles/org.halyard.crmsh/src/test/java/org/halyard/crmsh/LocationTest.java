package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code location} with a resource pattern ({@code /regex/}) or resource sets
 * ({@code { ... }}): the XML crmsh 4.4 writes ({@code crm configure load update} into a
 * file-backed CIB), the text crm configure show prints, and errors.
 */
class LocationTest {

    private static final String RESOURCES = "primitive a Dummy\nprimitive b Dummy\n"
            + "primitive c Dummy\n";

    @Test
    void patternsAndSets() {
        assertEquals("<constraints>"
                + "<rsc_location id=\"l1\" rsc-pattern=\"web.*\" score=\"100\" node=\"n1\"/>"
                + "<rsc_location id=\"l2\" score=\"100\" node=\"n1\"><resource_set id=\"l2-0\">"
                + "<resource_ref id=\"a\"/><resource_ref id=\"b\"/></resource_set></rsc_location>"
                + "<rsc_location id=\"l3\"><resource_set id=\"l3-0\"><resource_ref id=\"a\"/>"
                + "<resource_ref id=\"b\"/></resource_set><rule id=\"l3-rule\" score=\"10\">"
                + "<expression id=\"l3-rule-expression\" attribute=\"#uname\" operation=\"eq\""
                + " value=\"n1\"/></rule></rsc_location>"
                + "<rsc_location id=\"l5\" score=\"100\" node=\"n1\" resource-discovery=\"never\">"
                + "<resource_set id=\"l5-0\" role=\"Started\"><resource_ref id=\"a\"/>"
                + "</resource_set><resource_set id=\"l5-1\"><resource_ref id=\"b\"/>"
                + "</resource_set></rsc_location>"
                + "<rsc_location id=\"l6\" rsc-pattern=\"w[0-9]+\" role=\"Started\">"
                + "<rule id=\"l6-rule\" score=\"INFINITY\"><expression id=\"l6-rule-expression\""
                + " attribute=\"#uname\" operation=\"eq\" value=\"n1\"/></rule></rsc_location>"
                + "</constraints>",
                CibSections.ofText(RESOURCES + "location l1 /web.*/ 100: n1\n"
                        + "location l2 { a b } 100: n1\n"
                        + "location l3 { a b } rule 10: #uname eq n1\n"
                        + "location l5 { a:Started b } resource-discovery=never 100: n1\n"
                        + "location l6 /w[0-9]+/ role=Started rule #uname eq n1", "constraints"));
    }

    /** true is the default of sequential and require-all: crm writes nothing for it. */
    @Test
    void setOptionsThatSayTrueAreLeftOut() {
        assertEquals("<constraints><rsc_location id=\"l7\" score=\"100\" node=\"n1\">"
                + "<resource_set id=\"l7-0\" sequential=\"false\"><resource_ref id=\"a\"/>"
                + "<resource_ref id=\"b\"/></resource_set></rsc_location>"
                + "<rsc_location id=\"l8\" score=\"100\" node=\"n1\"><resource_set id=\"l8-0\">"
                + "<resource_ref id=\"c\"/></resource_set><resource_set id=\"l8-1\">"
                + "<resource_ref id=\"a\"/><resource_ref id=\"b\"/></resource_set></rsc_location>"
                + "<rsc_colocation id=\"c1\" score=\"INFINITY\"><resource_set id=\"c1-0\">"
                + "<resource_ref id=\"c\"/></resource_set><resource_set id=\"c1-1\""
                + " require-all=\"false\"><resource_ref id=\"a\"/><resource_ref id=\"b\"/>"
                + "</resource_set></rsc_colocation></constraints>",
                CibSections.ofText(RESOURCES
                        + "location l7 { [ a b require-all=true ] } 100: n1\n"
                        + "location l8 { c ( a b sequential=true ) } 100: n1\n"
                        + "colocation c1 inf: c [ a b sequential=true ]", "constraints"));
    }

    @Test
    void printsAsCrmConfigureShowAndReprintsStably() {
        String shown = """
                colocation c1 inf: c [ a b sequential=true ]
                location l1 /web.*/ 100: n1
                location l2 { a b } 100: n1
                location l3 { a b } \\
                    rule 10: #uname eq n1
                location l4 { ( a b ) } -inf: n1
                location l5 { a:Started b } resource-discovery=never 100: n1
                location l6 /w[0-9]+/ role=Started \\
                    rule #uname eq n1
                location l7 { ( a b ) } 100: n1
                """;
        String printed = CibSections.reprint(RESOURCES + shown.replace("l7 { ( a b ) }",
                "l7 { [ a b require-all=true ] }"));
        assertEquals(shown, printed.substring(printed.indexOf("colocation")));
        assertEquals(printed, CibSections.reprint(printed));
    }

    /** Two plain sets in a row with one role read back as one set: crm shows xml instead. */
    @Test
    void setsThatWouldMergeAreShownAsXml() {
        String printed = CibSections.reprint(RESOURCES
                + "location l8 { c ( a b sequential=true ) } 100: n1");
        assertEquals("""
                xml <rsc_location id="l8" score="100" node="n1"> \\
                  <resource_set id="l8-0"> \\
                    <resource_ref id="c"/> \\
                  </resource_set> \\
                  <resource_set id="l8-1"> \\
                    <resource_ref id="a"/> \\
                    <resource_ref id="b"/> \\
                  </resource_set> \\
                </rsc_location>
                """, printed.substring(printed.indexOf("xml")));
        assertEquals(printed, CibSections.reprint(printed));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertEquals(List.of("t.crm:1:25: expected \"}\" to close the resource sets after"
                + " \"location l { a b 100: n1\", found end of line"),
                errors("location l { a b 100: n1"));
        assertEquals(List.of("t.crm:1:12: empty resource sets: expected resources between { and"
                + " }"), errors("location l { } 100: n1"));
        assertEquals(List.of("t.crm:1:18: role= does not go with resource sets (the schema has no"
                + " place for it): write the role on the resources, { a:Master b:Master }"),
                errors("location l { a } role=Master 100: n1"));
        assertEquals(List.of("t.crm:1:16: unknown role \"Boss\" in \"b:Boss\": expected one of"
                + " Stopped, Started, Master, Slave, Promoted, Unpromoted"),
                errors("location l { a b:Boss } 100: n1"));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
