package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ACLs ({@code role}, {@code acl_target}, {@code acl_group}): the XML crmsh 4.4 writes for them
 * ({@code crm configure load update} into a file-backed CIB), the text crm configure show
 * prints, and errors.
 */
class AclTest {

    private static final String ROLES = """
            primitive app1 Dummy
            role app1_admin \\
                write meta:app1:target-role \\
                write location:app1 \\
                read ref:app1
            role r3 read xpath:"//nodes//attributes" deny tag:nvpair attribute:target-role \\
                write tag:primitive ref:app1 read params:app1:foo read property:maintenance-mode \\
                read node:n1 read nodeattr read nodeutil:n1 read utilization:app1 read status
            role read_all description="see all" read description="the whole CIB" cib
            """;

    @Test
    void rulesBecomePermissionsWithCrmIds() {
        assertEquals("<acls><acl_role id=\"app1_admin\">"
                + "<acl_permission id=\"app1_admin-0\" kind=\"write\""
                + " xpath=\"//primitive[@id='app1']/meta_attributes/nvpair[@name='target-role']\"/>"
                + "<acl_permission id=\"app1_admin-1\" kind=\"write\" xpath=\"//rsc_location"
                + "[@id='cli-prefer-app1' and @rsc='app1']\"/>"
                + "<acl_permission id=\"app1_admin-2\" kind=\"read\" reference=\"app1\"/>"
                + "</acl_role><acl_role id=\"r3\">"
                + "<acl_permission id=\"r3-0\" kind=\"read\" xpath=\"//nodes//attributes\"/>"
                + "<acl_permission id=\"r3-1\" kind=\"deny\" object-type=\"nvpair\""
                + " attribute=\"target-role\"/>"
                // one rule with a ref and a tag: crm makes two permissions, the ref first
                + "<acl_permission id=\"r3-2\" kind=\"write\" reference=\"app1\"/>"
                + "<acl_permission id=\"r3-3\" kind=\"write\" object-type=\"primitive\"/>"
                + "<acl_permission id=\"r3-4\" kind=\"read\" xpath=\"//primitive[@id='app1']"
                + "/instance_attributes/nvpair[@name='foo']\"/>"
                + "<acl_permission id=\"r3-5\" kind=\"read\" xpath=\"//crm_config"
                + "/cluster_property_set/nvpair[@name='maintenance-mode']\"/>"
                + "<acl_permission id=\"r3-6\" kind=\"read\" xpath=\"//nodes/node[@uname='n1']\"/>"
                + "<acl_permission id=\"r3-7\" kind=\"read\""
                + " xpath=\"//nodes/node/instance_attributes\"/>"
                + "<acl_permission id=\"r3-8\" kind=\"read\""
                + " xpath=\"//nodes/node/utilization[@uname='n1']\"/>"
                + "<acl_permission id=\"r3-9\" kind=\"read\""
                + " xpath=\"//primitive[@id='app1']/utilization\"/>"
                + "<acl_permission id=\"r3-10\" kind=\"read\" xpath=\"/cib/status\"/>"
                + "</acl_role><acl_role id=\"read_all\" description=\"see all\">"
                + "<acl_permission id=\"read_all-0\" kind=\"read\" xpath=\"/cib\""
                + " description=\"the whole CIB\"/></acl_role></acls>",
                CibSections.ofText(ROLES, "acls"));
    }

    @Test
    void permissionIdsSkipTakenOnes() {
        assertEquals("<acls><acl_role id=\"r1\">"
                + "<acl_permission id=\"r1-1\" kind=\"read\" xpath=\"/cib\"/>"
                + "<acl_permission id=\"r1-2\" kind=\"read\" xpath=\"/cib/status\"/>"
                + "</acl_role></acls>",
                CibSections.ofText("primitive r1-0 Dummy\nrole r1 read cib read status", "acls"));
    }

    @Test
    void rolesComeFirstThenUsersAndGroupsInTextOrder() {
        assertEquals("<acls><acl_role id=\"r1\"><acl_permission id=\"r1-0\" kind=\"read\""
                + " xpath=\"/cib\"/></acl_role><acl_role id=\"r2\"><acl_permission id=\"r2-0\""
                + " kind=\"write\" object-type=\"primitive\"/></acl_role>"
                + "<acl_target id=\"zed\"><role id=\"r1\"/></acl_target>"
                + "<acl_group id=\"grp\"><role id=\"r1\"/></acl_group>"
                + "<acl_target id=\"amy\"><role id=\"r1\"/><role id=\"r2\"/></acl_target></acls>",
                CibSections.ofText("acl_target zed r1\nacl_group grp r1\nrole r1 read cib\n"
                        + "acl_target amy r1 r2\nrole r2 write type:primitive", "acls"));
    }

    @Test
    void printsAsCrmConfigureShowAndReprintsStably() {
        String shown = """
                role app1_admin \\
                    write meta:app1:target-role \\
                    write location:app1 \\
                    read ref:app1
                role r3 \\
                    read xpath:"//nodes//attributes" \\
                    deny attr:target-role type:nvpair \\
                    write ref:app1 \\
                    write type:primitive \\
                    read params:app1:foo \\
                    read property:maintenance-mode \\
                    read node:n1 \\
                    read nodeattr \\
                    read nodeutil:n1 \\
                    read utilization:app1 \\
                    read status
                role read_all \\
                    description="see all" \\
                    read description="the whole CIB" cib
                acl_group admins \\
                    r3
                acl_target joe \\
                    app1_admin \\
                    read_all
                """;
        String printed = CibSections.reprint(ROLES + "acl_target joe app1_admin read_all\n"
                + "acl_group admins r3");
        assertEquals(shown, printed.substring(printed.indexOf("role")));
        assertEquals(printed, CibSections.reprint(printed));
    }

    @Test
    void whatCrmSyntaxCannotSayIsShownAsXml() {
        String shown = CibSections.printed("<resources><primitive id=\"app1\" class=\"ocf\""
                + " provider=\"heartbeat\" type=\"Dummy\"/></resources><acls>"
                + "<acl_role id=\"r1\" description=\"the role\">"
                // crm shows no permission ids: loading the text gives crm's
                + "<acl_permission kind=\"read\" xpath=\"/cib\" id=\"perm-a\""
                + " description=\"all of it\"/>"
                + "<acl_permission kind=\"write\" xpath=\"//primitive[@id='app1' and"
                + " @class='ocf']\" id=\"r1-1\"/>"
                + "<acl_permission kind=\"deny\" object-type=\"nvpair\" id=\"r1-5\"/>"
                + "<acl_permission kind=\"read\" xpath=\"//x y\" id=\"r1-3\"/></acl_role>"
                + "<acl_role id=\"empty\"/>"
                + "<acl_target id=\"joe\" name=\"joseph\"><role id=\"r1\"/></acl_target>"
                + "<acl_group id=\"grp\" name=\"group1\"><role id=\"r1\"/></acl_group>"
                + "<acl_target id=\"1000\"><role id=\"r1\"/></acl_target>"
                + "<acl_target id=\"bob\"/></acls>");
        assertEquals("""
                xml <acl_role id="empty"/>
                role r1 \\
                    description="the role" \\
                    read description="all of it" cib \\
                    write xpath:"//primitive[@id='app1' and @class='ocf']" \\
                    deny type:nvpair \\
                    read xpath:"//x y"
                xml <acl_target id="1000"> \\
                  <role id="r1"/> \\
                </acl_target>
                xml <acl_target id="bob"/>
                xml <acl_group id="grp" name="group1"> \\
                  <role id="r1"/> \\
                </acl_group>
                xml <acl_target id="joe" name="joseph"> \\
                  <role id="r1"/> \\
                </acl_target>
                """, shown.substring(shown.indexOf("xml <acl_role")));
        assertEquals(shown, CibSections.reprint(shown));
        // loaded again, the xml keeps its ids and the permissions get crm's
        assertEquals("<acls><acl_role id=\"empty\"/><acl_role id=\"r1\" description=\"the role\">"
                + "<acl_permission id=\"r1-0\" kind=\"read\" xpath=\"/cib\""
                + " description=\"all of it\"/><acl_permission id=\"r1-1\" kind=\"write\""
                + " xpath=\"//primitive[@id='app1' and @class='ocf']\"/>"
                + "<acl_permission id=\"r1-2\" kind=\"deny\" object-type=\"nvpair\"/>"
                + "<acl_permission id=\"r1-3\" kind=\"read\" xpath=\"//x y\"/></acl_role>"
                + "<acl_target id=\"1000\"><role id=\"r1\"/></acl_target><acl_target id=\"bob\"/>"
                + "<acl_group id=\"grp\" name=\"group1\"><role id=\"r1\"/></acl_group>"
                + "<acl_target id=\"joe\" name=\"joseph\"><role id=\"r1\"/></acl_target></acls>",
                CibSections.ofText(shown, "acls"));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertEquals(List.of("t.crm:1:13: expected what the read rule applies to: xpath:<xpath>,"
                + " ref:<id>, tag:<element> [attribute:<name>] or a shortcut (cib, status,"
                + " property, node, nodeattr, nodeutil, meta, params, utilization, location) after"
                + " \"role r1 read\", found end of line"), errors("role r1 read"));
        assertEquals(List.of("t.crm:1:18: this read rule has an xpath already (crm would keep only"
                + " the last): start another rule with read"), errors("role r1 read cib status"));
        assertEquals(List.of("t.crm:1:14: attribute: applies only together with tag:<element> (as"
                + " in crm)"), errors("role r1 read attribute:x ref:a"));
        assertEquals(List.of("t.crm:1:14: expected meta:<rsc>[:<name>], found"
                + " \"meta:a:b:c\""), errors("role r1 read meta:a:b:c"));
        assertEquals(List.of("t.crm:1:9: expected read, write or deny after \"role r1\", found"
                + " \"allow\""), errors("role r1 allow cib"));
        assertEquals(List.of("t.crm:1:15: expected the roles of acl_target \"joe\" after"
                + " \"acl_target joe\", found end of line"), errors("acl_target joe"));
        assertEquals(List.of("t.crm:1:16: \"role:\" belongs to the old user statement; acl_target"
                + " lists role ids: write r1"), errors("acl_target joe role:r1"));
        assertEquals(List.of("t.crm:1:1: \"user\" is the ACL syntax of Pacemaker before 1.1.12"
                + " (acl_user), which the CIB schema rejects: give rights with role and assign"
                + " roles with acl_target <user> <role>..."), errors("user joe role:r1"));
        assertEquals(List.of("t.crm:2:11: acl_group \"r1\": the id is already used by role \"r1\""
                + " at t.crm:1:1"), errors("role r1 read cib\nacl_group r1 r1"));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
