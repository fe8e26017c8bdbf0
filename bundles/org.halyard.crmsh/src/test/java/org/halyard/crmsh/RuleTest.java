package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

/**
 * Rules of location constraints: the XML crmsh 4.4 writes ({@code crm configure load update}
 * into a file-backed CIB), the text crm configure show prints, the xml it shows for rules its
 * syntax cannot say (nested rules among them), and errors.
 */
class RuleTest {

    private static final String RULES = """
            primitive a Dummy
            location r1 a rule $id=myr 10: #uname eq n1
            location r2 a rule $id-ref=myr
            location r3 a rule $role=Master #uname eq n1 \\
                rule $id=mine -inf: not_defined pingd or pingd number:lte 0
            location r4 a rule -inf: date in start=2024-01-01 hours=2 weeks=1 \\
                and date spec weekdays=1-5 yearsdays=4 moon=2
            location r5 a rule 10: x eq param{y} and z string:ne meta{q} \\
                and date gt "2024-01-01 10:00"
            """;

    @Test
    void rulesAsCrmWritesThem() {
        assertEquals("<constraints>"
                + "<rsc_location id=\"r1\" rsc=\"a\"><rule id=\"myr\" score=\"10\">"
                + "<expression id=\"myr-expression\" attribute=\"#uname\" operation=\"eq\""
                + " value=\"n1\"/></rule></rsc_location>"
                + "<rsc_location id=\"r2\" rsc=\"a\"><rule id-ref=\"myr\"/></rsc_location>"
                // without a score, crm's rule scores INFINITY
                + "<rsc_location id=\"r3\" rsc=\"a\"><rule id=\"r3-rule\" role=\"Master\""
                + " score=\"INFINITY\"><expression id=\"r3-rule-expression\" attribute=\"#uname\""
                + " operation=\"eq\" value=\"n1\"/></rule>"
                + "<rule id=\"mine\" boolean-op=\"or\" score=\"-INFINITY\">"
                + "<expression id=\"mine-expression\" attribute=\"pingd\""
                + " operation=\"not_defined\"/><expression id=\"mine-expression-0\""
                + " attribute=\"pingd\" operation=\"lte\" value=\"0\" type=\"number\"/></rule>"
                + "</rsc_location>"
                // crm's date fields: yearsdays and moon are in the schema for compatibility
                + "<rsc_location id=\"r4\" rsc=\"a\"><rule id=\"r4-rule\" score=\"-INFINITY\">"
                + "<date_expression id=\"r4-rule-expression\" operation=\"in_range\""
                + " start=\"2024-01-01\"><duration id=\"r4-rule-expression-duration\" weeks=\"1\""
                + " hours=\"2\"/></date_expression><date_expression id=\"r4-rule-expression-0\""
                + " operation=\"date_spec\"><date_spec id=\"r4-rule-expression-0-date_spec\""
                + " weekdays=\"1-5\" moon=\"2\" yearsdays=\"4\"/></date_expression></rule>"
                + "</rsc_location>"
                + "<rsc_location id=\"r5\" rsc=\"a\"><rule id=\"r5-rule\" score=\"10\">"
                + "<expression id=\"r5-rule-expression\" attribute=\"x\" operation=\"eq\""
                + " value=\"y\" value-source=\"param\"/><expression id=\"r5-rule-expression-0\""
                + " attribute=\"z\" operation=\"ne\" value=\"q\" type=\"string\""
                + " value-source=\"meta\"/><date_expression id=\"r5-rule-expression-1\""
                + " operation=\"gt\" start=\"2024-01-01 10:00\"/></rule></rsc_location>"
                + "</constraints>",
                CibSections.ofText(RULES, "constraints"));
    }

    /**
     * crm shows no score for INFINITY and no string type, and a rule's id only where another
     * rule refers to it: loaded again, the others get the parser's ids.
     */
    @Test
    void printsAsCrmConfigureShowAndReprintsStably() {
        String shown = """
                location r1 a \\
                    rule $id=myr 10: #uname eq n1
                location r2 a \\
                    rule $id-ref=myr
                location r3 a \\
                    rule $role=Master #uname eq n1 \\
                    rule -inf: not_defined pingd or pingd number:lte 0
                location r4 a \\
                    rule -inf: date in start=2024-01-01 hours=2 weeks=1 and date spec weekdays=1-5 \
                yearsdays=4 moon=2
                location r5 a \\
                    rule 10: x eq param{y} and z ne meta{q} and date gt "2024-01-01 10:00"
                """;
        String printed = CibSections.reprint(RULES);
        assertEquals(shown, printed.substring(printed.indexOf("location")));
        assertEquals(printed, CibSections.reprint(printed));
    }

    /** Nested rules, rules without a score, values with spaces, days: no crm syntax. */
    @Test
    void whatCrmSyntaxCannotSayIsShownAsXml() {
        String configuration = "<resources><primitive id=\"a\" class=\"ocf\" provider=\"heartbeat\""
                + " type=\"Dummy\"/></resources><constraints>"
                // in id order, as shown
                + "<rsc_location id=\"days\" rsc=\"a\"><rule id=\"days-rule\""
                + " score=\"-INFINITY\"><date_expression id=\"d2\" operation=\"in_range\""
                + " start=\"2024-01-01\"><duration id=\"du\" days=\"3\"/></date_expression>"
                + "</rule></rsc_location>"
                + "<rsc_location id=\"nested\" rsc=\"a\"><rule id=\"nested-rule\" score=\"100\""
                + " boolean-op=\"or\"><expression id=\"e1\" attribute=\"#uname\" operation=\"eq\""
                + " value=\"n1\"/><rule id=\"inner\"><expression id=\"e2\" attribute=\"x\""
                + " operation=\"defined\"/><date_expression id=\"d1\" operation=\"date_spec\">"
                + "<date_spec id=\"ds1\" hours=\"9-17\"/></date_expression></rule></rule>"
                + "</rsc_location>"
                + "<rsc_location id=\"no-score\" rsc=\"a\"><rule id=\"no-score-rule\">"
                + "<expression id=\"e3\" attribute=\"#uname\" operation=\"eq\" value=\"n1\"/>"
                + "</rule></rsc_location>"
                + "<rsc_location id=\"spaces\" rsc=\"a\"><rule id=\"spaces-rule\" score=\"10\">"
                + "<expression id=\"e4\" attribute=\"#uname\" operation=\"eq\" value=\"a b\"/>"
                + "</rule></rsc_location></constraints>";
        String shown = CibSections.printed(configuration);
        assertEquals("""
                xml <rsc_location id="days" rsc="a"> \\
                  <rule id="days-rule" score="-INFINITY"> \\
                    <date_expression id="d2" operation="in_range" start="2024-01-01"> \\
                      <duration id="du" days="3"/> \\
                    </date_expression> \\
                  </rule> \\
                </rsc_location>
                xml <rsc_location id="nested" rsc="a"> \\
                  <rule id="nested-rule" boolean-op="or" score="100"> \\
                    <expression id="e1" attribute="#uname" operation="eq" value="n1"/> \\
                    <rule id="inner"> \\
                      <expression id="e2" attribute="x" operation="defined"/> \\
                      <date_expression id="d1" operation="date_spec"> \\
                        <date_spec id="ds1" hours="9-17"/> \\
                      </date_expression> \\
                    </rule> \\
                  </rule> \\
                </rsc_location>
                xml <rsc_location id="no-score" rsc="a"> \\
                  <rule id="no-score-rule"> \\
                    <expression id="e3" attribute="#uname" operation="eq" value="n1"/> \\
                  </rule> \\
                </rsc_location>
                xml <rsc_location id="spaces" rsc="a"> \\
                  <rule id="spaces-rule" score="10"> \\
                    <expression id="e4" attribute="#uname" operation="eq" value="a b"/> \\
                  </rule> \\
                </rsc_location>
                """, shown.substring(shown.indexOf("xml")));
        // nothing is lost: loaded again, the constraints are the same, ids and all
        assertEquals(CibSections.of(CibXml.parse("<cib><configuration>" + configuration
                + "</configuration></cib>", "cib.xml"), "constraints"),
                CibSections.ofText(shown, "constraints"));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertEquals(List.of("t.crm:2:44: unknown date field \"days\": expected start=, end=,"
                + " hours=, monthdays=, weekdays=, yearsdays=, months=, weeks=, years=, weekyears=,"
                + " moon= (crm syntax has no days; write the constraint as an xml statement)"),
                errors("primitive a Dummy\nlocation l a rule date in start=2024-01-01 days=3"));
        assertEquals(List.of("t.crm:2:43: expected start=<date> and end=<date>, or start=<date>"
                + " and a duration (hours=, monthdays=, weekdays=, yearsdays=, months=, weeks=,"
                + " years=, weekyears=, moon=) after \"location l a rule date in"
                + " start=2024-01-01\", found end of line"),
                errors("primitive a Dummy\nlocation l a rule date in start=2024-01-01"));
        assertEquals(List.of("t.crm:2:28: unknown value source \"foo\" in foo{x}: expected"
                + " param{<parameter>} or meta{<meta attribute>}"),
                errors("primitive a Dummy\nlocation l a rule 10: y eq foo{x}"));
        assertEquals(List.of("t.crm:2:29: expected another rule, or the end of the location after"
                + " \"location l a rule $id-ref=x\", found \"10:\""),
                errors("primitive a Dummy\nlocation l a rule $id-ref=x 10: y eq 1"));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
