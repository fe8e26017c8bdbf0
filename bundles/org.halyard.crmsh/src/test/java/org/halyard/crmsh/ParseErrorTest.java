package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact messages for broken text: where, what was found, what was expected. */
class ParseErrorTest {

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "web.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }

    @Test
    void missingScoreAfterLocation() {
        assertEquals(List.of("web.crm:2:21: expected a score (INFINITY, -inf, 100...) followed by"
                + " \":\" and a node name, or a rule after \"location loc_web web\", found end of"
                + " line"), errors("primitive web lsb:apache2\nlocation loc_web web"));
    }

    @Test
    void pageArtefactsAreNamed() {
        assertEquals(List.of(
                "web.crm:1:33: non-breaking space (U+00A0) where crm needs a plain space, found in"
                        + " \"ip=10.0.0.1\u00a0cidr_netmask=24\" (text copied from a web page or"
                        + " word processor?)",
                "web.crm:2:26: HTML entity &quot; in \"ip=&quot;10.0.0.2&quot;\": the text was"
                        + " copied from a page's HTML source; write what it stands for",
                "web.crm:3:15: dash \u2013 (U+2013) where crm needs a plain -, found in"
                        + " \"\u2013inf:\" (text copied from a web page or word processor?)"),
                errors("primitive ip IPaddr2 ip=10.0.0.1\u00a0cidr_netmask=24\n"
                        + "primitive ip2 IPaddr2 ip=&quot;10.0.0.2&quot;\n"
                        + "location l ip \u2013inf: n1\n"));
    }

    @Test
    void typographicQuotes() {
        assertEquals(List.of("web.crm:1:25: typographic quote \u201c (U+201C) where crm needs a"
                + " plain \", found in \"ip=\u201c10.0.0.1\u201d\" (text copied from a web page or"
                + " word processor?)"), errors("primitive ip IPaddr2 ip=\u201c10.0.0.1\u201d"));
    }

    @Test
    void aValueWrappedOntoTheNextLine() {
        assertEquals(List.of("web.crm:1:33: expected a closing \" for the value starting with"
                + " \"rw,noatime,\", found end of line (line 2 goes on with 'lock\"': the line was"
                + " wrapped inside the value, as web pages and mail do)"),
                errors("primitive fs Filesystem options=\"rw,noatime,\nlock\" \\\n"
                        + "    op monitor interval=10s\nprimitive ok Dummy"));
    }

    @Test
    void rolesActionsAndBooleanOperators() {
        assertEquals(List.of(
                "web.crm:1:19: unknown role \"Primary\" in \"ms:Primary\": expected one of Stopped,"
                        + " Started, Master, Slave, Promoted, Unpromoted",
                "web.crm:2:14: unknown action \"begin\" in \"a:begin\": expected one of start,"
                        + " promote, demote, stop",
                "web.crm:3:43: a rule combines its expressions with either \"and\" or \"or\", not"
                        + " both: write a second rule instead"),
                errors("colocation c inf: ms:Primary a\norder o inf: a:begin b\n"
                        + "location l a rule -inf: x eq 1 and y eq 2 or z eq 3"));
    }

    @Test
    void definitionsThatClash() {
        assertEquals(List.of(
                "web.crm:2:11: primitive \"a\": the id is already used by primitive \"a\" at"
                        + " web.crm:1:1",
                "web.crm:5:10: group \"g2\" names \"b\", which is already in group \"g1\" (defined"
                        + " at web.crm:4:1)",
                "web.crm:6:11: clone \"c\" can hold only one resource, found a second one: \"b\""),
                errors("primitive a Dummy\nprimitive a Dummy\nprimitive b Dummy\ngroup g1 b\n"
                        + "group g2 b\nclone c a b"));
    }

    @Test
    void shellCommandsAreNotConfiguration() {
        assertEquals(List.of("web.crm:1:1: expected a statement (node, rsc_template, primitive,"
                + " bundle, group, ms, clone, tag, location, colocation, order, fencing_topology,"
                + " rsc_ticket, property, rsc_defaults, op_defaults, role, acl_target, acl_group,"
                + " alert, xml), found \"commit\""),
                errors("commit\n"));
    }

    @Test
    void theExceptionMessageIsTheFirstError() {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse("primitive\nlocation", "x.crm"));
        assertEquals("x.crm:1:10: expected the id of the primitive after \"primitive\", found end"
                + " of line (and 1 more)", e.getMessage());
    }
}
