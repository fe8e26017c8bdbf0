package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code alert}: the XML crmsh 4.4 writes for it ({@code crm configure load update} into a
 * file-backed CIB), the text crm configure show prints, and errors.
 */
class AlertTest {

    @Test
    void attributesMetaAndRecipientsGetCrmIds() {
        assertEquals("<alerts><alert id=\"al\" path=\"/usr/bin/x.sh\">"
                + "<instance_attributes id=\"al-instance_attributes\">"
                + "<nvpair id=\"al-instance_attributes-a\" name=\"a\" value=\"1\"/>"
                + "<nvpair id=\"al-instance_attributes-b\" name=\"b\" value=\"2\"/>"
                + "</instance_attributes><meta_attributes id=\"al-meta_attributes\">"
                + "<nvpair id=\"al-meta_attributes-timeout\" name=\"timeout\" value=\"10s\"/>"
                + "</meta_attributes><recipient id=\"al-recipient-1\" value=\"/tmp/log\"/>"
                + "</alert><alert id=\"al2\" path=\"/usr/bin/y.sh\">"
                + "<recipient id=\"al2-recipient-1\" value=\"/tmp/a\">"
                + "<instance_attributes id=\"al2-recipient-1-instance_attributes\">"
                + "<nvpair id=\"al2-recipient-1-instance_attributes-x\" name=\"x\" value=\"1\"/>"
                + "</instance_attributes>"
                + "<meta_attributes id=\"al2-recipient-1-meta_attributes\">"
                + "<nvpair id=\"al2-recipient-1-meta_attributes-timeout\" name=\"timeout\""
                + " value=\"5s\"/></meta_attributes></recipient>"
                + "<recipient id=\"al2-recipient-2\" value=\"/tmp/b\"/></alert></alerts>",
                CibSections.ofText("alert al /usr/bin/x.sh attributes a=1 b=2 meta timeout=10s"
                        + " to /tmp/log\nalert al2 /usr/bin/y.sh to { /tmp/a attributes x=1"
                        + " meta timeout=5s } to /tmp/b", "alerts"));
    }

    @Test
    void selectionIsPlainXmlWithCrmIds() {
        assertEquals("<alerts><alert id=\"al\" path=\"/x.sh\"><select><select_nodes/>"
                + "<select_fencing/><select_attributes><attribute id=\"al-0\" name=\"standby\"/>"
                + "<attribute id=\"al-1\" name=\"shutdown\"/></select_attributes></select>"
                + "<meta_attributes id=\"al-meta_attributes\"><nvpair"
                + " id=\"al-meta_attributes-timeout\" name=\"timeout\" value=\"5s\"/>"
                + "</meta_attributes><recipient id=\"al-recipient-1\" value=\"/tmp/a\"/>"
                + "</alert></alerts>",
                CibSections.ofText("alert al /x.sh select nodes fencing attributes { standby"
                        + " shutdown } meta timeout=5s to /tmp/a", "alerts"));
        String shown = """
                alert al "/x.sh" \\
                    select nodes fencing attributes { standby shutdown } \\
                    meta timeout=5s \\
                    to "/tmp/a"
                """;
        assertEquals(shown, CibSections.reprint(shown));
        assertEquals(shown, CibSections.reprint("alert al /x.sh select nodes fencing attributes"
                + " { standby shutdown } meta timeout=5s to /tmp/a"));
    }

    @Test
    void printsAsCrmConfigureShowAndReprintsStably() {
        String shown = """
                alert al "/usr/bin/x.sh" \\
                    attributes a=1 b=2 \\
                    meta timeout=10s \\
                    to "/tmp/log"
                alert al2 "/usr/bin/y.sh" description="two recipients" \\
                    to "/tmp/a" attributes x=1 meta timeout=5s \\
                    to "/tmp/b" description=second
                alert al3 "/usr/bin/z.sh"
                """;
        assertEquals(shown, CibSections.reprint(shown));
        assertEquals(shown, CibSections.reprint("alert al3 /usr/bin/z.sh\n"
                + "alert al2 /usr/bin/y.sh description=\"two recipients\" to { /tmp/a attributes"
                + " x=1 meta timeout=5s } to /tmp/b description=second\n"
                + "alert al /usr/bin/x.sh attributes a=1 b=2 meta timeout=10s to /tmp/log"));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertEquals(List.of("t.crm:1:10: expected the path of the alert agent after \"alert al\","
                + " found \"to\""), errors("alert al to /tmp/log"));
        assertEquals(List.of("t.crm:1:18: expected the recipient (a file, address... the agent"
                + " understands) after \"alert al /x.sh to\", found end of line"),
                errors("alert al /x.sh to"));
        assertEquals(List.of("t.crm:1:16: expected attributes, meta, select or \"to\""
                + " after"
                + " \"alert al /x.sh\", found \"/tmp/log\""), errors("alert al /x.sh /tmp/log"));
        assertEquals(List.of("t.crm:1:38: expected \"}\" to close the recipient after"
                + " \"alert al /x.sh to { /r attributes a=1\", found end of line"),
                errors("alert al /x.sh to { /r attributes a=1"));
        assertEquals(List.of("t.crm:1:33: expected name=value in attributes of recipient \"/r\""
                + " after \"alert al /x.sh to /r attributes\", found \"b\""),
                errors("alert al /x.sh to /r attributes b c=1"));
    }

    @Test
    void selectionErrors() {
        assertEquals(List.of("t.crm:1:23: expected what to select: nodes, fencing, resources,"
                + " attributes { <attribute>... } after \"alert al /x.sh select\", found"
                + " \"everything\""), errors("alert al /x.sh select everything"));
        assertEquals(List.of("t.crm:1:29: \"nodes\" is selected twice"),
                errors("alert al /x.sh select nodes nodes"));
        assertEquals(List.of("t.crm:1:43: expected a node attribute name or \"}\" after"
                + " \"alert al /x.sh select attributes { standby\", found end of line"),
                errors("alert al /x.sh select attributes { standby"));
        assertEquals(List.of("t.crm:1:29: alert \"al\" has a select already: select all events"
                + " in one"), errors("alert al /x.sh select nodes select fencing"));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
