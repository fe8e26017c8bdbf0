package org.halyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigureCommandTest {

    private static final Path FIELD_CONFIGS = Path.of(System.getProperty("halyard.shared.dir",
            "../../../shared"), "data/field-configs");
    private static final String SCHEMAS = FIELD_CONFIGS.resolveSibling("pacemaker-schema-2.1.5").toString();

    /**
     * crm configure show of web-drbd.ru.crm without its Pacemaker 1.1 options, in crm 4's spelling:
     * values with a slash quoted, constraints sorted by id.
     */
    private static final String WEB_DRBD_SHOWN = """
            node node1
            node node2
            primitive ClusterIP ocf:heartbeat:IPaddr2 \\
                params ip=192.168.10.190 cidr_netmask=24 \\
                op monitor interval=30s
            primitive MetaFS ocf:heartbeat:Filesystem \\
                params device="/dev/drbd0" directory="/claster/drbd0" fstype=ext4 \\
                op monitor interval=15s
            primitive WebSite lsb:rc.httpd \\
                op monitor interval=1min
            primitive drbd_meta ocf:linbit:drbd \\
                params drbd_resource=r0 \\
                op monitor interval=15s
            group my_services MetaFS ClusterIP WebSite
            ms ms_drbd_meta drbd_meta \\
                meta master-max=1 master-node-max=1 clone-max=2 clone-node-max=1 notify=true
            location prefer-node1 my_services 50: node1
            order services_after_drbd Mandatory: ms_drbd_meta:promote my_services:start
            colocation services_drbd inf: my_services ms_drbd_meta:Master
            property cib-bootstrap-options: \\
                dc-version=1.1.1-cc0e4d295e298510dad994ad5f9f6a8ffbf9f9ff \\
                stonith-enabled=false \\
                no-quorum-policy=ignore
            rsc_defaults rsc-options: \\
                resource-stickiness=100
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int halyard(String... args) {
        return Halyard.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aSeedConfigurationThatPacemakerRefusesIsNotWrittenAndTheStatementIsNamed() {
        // Pacemaker 1.1 options in the seed: the schema refuses them (since 2.10, upgrade-2.10.xsl
        // drops them), crm_verify rejects the CIB and crmsh does not commit it
        String crm = FIELD_CONFIGS.resolve("web-drbd.ru.crm").toString();
        Path cib = dir.resolve("cib.xml");
        assertEquals(Halyard.FAILED, halyard("configure", "load", "--schemas", SCHEMAS, crm, "--out", cib.toString()),
                out());
        assertEquals(crm + ":20:1: error: the CIB element \"cib-bootstrap-options-cluster-infrastructure\": schema"
                + " pacemaker-3.9: value \"openais\" of attribute \"value\" is invalid\n"
                + crm + ":20:1: error: the CIB element \"cib-bootstrap-options-expected-quorum-votes\": schema"
                + " pacemaker-3.9: value \"expected-quorum-votes\" of attribute \"name\" is invalid\n"
                + crm + ": not loaded: 2 errors, 0 warnings\n", out());
        assertFalse(Files.exists(cib));
    }

    @Test
    void loadThenShowASeedConfiguration() throws Exception {
        // the seed without the two options Pacemaker 2 no longer has
        Path crm = write("web-drbd.crm", Files.readString(FIELD_CONFIGS.resolve("web-drbd.ru.crm"))
                .replace("        cluster-infrastructure=\"openais\" \\\n", "")
                .replace("        expected-quorum-votes=\"2\" \\\n", ""));
        Path cib = dir.resolve("cib.xml");
        assertEquals(Halyard.OK, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString(), "--out",
                cib.toString()), out());
        assertEquals("wrote " + cib + " from " + crm + ": 2 nodes, 6 resources, 3 constraints\n",
                out());
        out.reset();
        assertEquals(Halyard.OK, halyard("configure", "show", cib.toString()), out());
        assertEquals(WEB_DRBD_SHOWN, out());
        out.reset();
        assertEquals(Halyard.OK, halyard("cib", "verify", "--schemas", SCHEMAS, cib.toString()), out());
        assertEquals(cib + ": valid\n", out());
    }

    @Test
    void brokenLinesAreReportedAndNothingIsWritten() throws Exception {
        Path crm = write("web.crm", """
                primitive web ocf:heartbeat:apache params configfile=“/etc/apache2/apache2.conf”
                location loc_web web
                colocation web-with-ip inf: web
                """);
        Path cib = dir.resolve("cib.xml");
        assertEquals(Halyard.FAILED, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString(), "--out",
                cib.toString()));
        assertEquals(crm + ":1:54: typographic quote “ (U+201C) where crm needs a plain \", found in"
                + " \"configfile=“/etc/apache2/apache2.conf”\" (text copied from a web page or word"
                + " processor?)\n"
                + crm + ":2:21: expected a score (INFINITY, -inf, 100...) followed by \":\" and a"
                + " node name, or a rule after \"location loc_web web\", found end of line\n"
                + crm + ":3:32: expected a second resource after \"colocation web-with-ip inf:"
                + " web\", found end of line\n"
                + crm + ": not loaded: 3 syntax errors\n", out());
        assertFalse(Files.exists(cib));
    }

    @Test
    void unknownIdsAreReportedAtTheirStatement() throws Exception {
        Path crm = write("ids.crm", """
                property stonith-enabled=false
                primitive web ocf:heartbeat:apache
                colocation web-with-db inf: web db
                location loc web 100: node9
                group g web ghost
                """);
        Path cib = dir.resolve("cib.xml");
        assertEquals(Halyard.FAILED, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString(), "--out",
                cib.toString()));
        assertEquals(crm + ":5:13: group \"g\" names \"ghost\", which is not defined as a primitive\n"
                + crm + ": not loaded: 1 syntax error\n", out());
        Files.writeString(crm, Files.readString(crm).replace("group g web ghost\n", ""));
        out.reset();
        assertEquals(Halyard.FAILED, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString(), "--out",
                cib.toString()));
        assertEquals(crm + ":3:1: error: colocation \"web-with-db\" refers to unknown resource \"db\"\n"
                + crm + ":4:1: warning: location \"loc\" refers to unknown node \"node9\"\n"
                + crm + ": not loaded: 1 error, 1 warning\n", out());
        assertFalse(Files.exists(cib));
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        Path crm = write("ok.crm", "property stonith-enabled=false\nprimitive web ocf:heartbeat:apache\n");
        Path cib = write("cib.xml", "keep me");
        assertEquals(Halyard.FAILED, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString(), "--out",
                cib.toString()));
        assertEquals(cib + " exists already; choose another --out, or replace it with --force\n",
                out());
        assertEquals("keep me", Files.readString(cib));
        out.reset();
        assertEquals(Halyard.OK, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString(), "--out",
                cib.toString(), "--force"), out());
        assertTrue(Files.readString(cib).contains("<primitive id=\"web\" class=\"ocf\""),
                Files.readString(cib));
    }

    @Test
    void truncatedXmlCannotBeShown() throws Exception {
        Path file = write("truncated.xml",
                "<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\">\n  <configuration>\n    <crm_config>\n");
        assertEquals(Halyard.FAILED, halyard("configure", "show", file.toString()));
        assertEquals(file + ":4:1: unexpected end of document inside <crm_config> (truncated file?)\n"
                + file + ": cannot be read as a CIB\n", out());
    }

    @Test
    void missingInputIsAFailureNotACrash() {
        Path crm = dir.resolve("nope.crm");
        assertEquals(Halyard.FAILED, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString(), "--out",
                dir.resolve("cib.xml").toString()));
        assertEquals(crm + ": cannot read: no such file\n", out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(Halyard.USAGE, halyard("configure"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                "halyard configure: missing subcommand (show, load)\nusage: halyard"));
        err.reset();
        assertEquals(Halyard.USAGE, halyard("configure", "load"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                "halyard configure load: missing FILE.crm\n"));
        err.reset();
        assertEquals(Halyard.USAGE, halyard("configure", "show", "--socket"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                "halyard configure show: --socket needs a path\n"));
        err.reset();
        assertEquals(Halyard.USAGE, halyard("configure", "edit"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                "halyard configure: unknown subcommand \"edit\"\n"));
    }
}
