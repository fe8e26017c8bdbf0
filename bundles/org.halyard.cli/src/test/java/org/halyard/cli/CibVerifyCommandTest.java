package org.halyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CibVerifyCommandTest {

    private static final Path SHARED = Path.of(System.getProperty("halyard.shared.dir", "../../../shared"));
    private static final Path SCHEDULER_XML = SHARED.resolve("data/pacemaker-scheduler-2.1.5/xml");
    /** Pacemaker 2.1.5's schemas, so that results do not depend on what this machine has installed. */
    private static final String SCHEMAS = SHARED.resolve("data/pacemaker-schema-2.1.5").toString();

    /** Fencing disabled, one node and one resource: clean for schema and semantic checks. */
    private static final String CIB = """
            <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.7">
              <configuration>
                <crm_config>
                  <cluster_property_set id="opts">
                    <nvpair id="opts-stonith" name="stonith-enabled" value="false"/>
                  </cluster_property_set>
                </crm_config>
                <nodes><node id="1" uname="node1"/></nodes>
                <resources>
                  %s
                </resources>
                <constraints/>
              </configuration>
            </cib>
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

    @Test
    void validSchedulerInputIsValid() {
        String file = SCHEDULER_XML.resolve("simple1.xml").toString();
        assertEquals(Halyard.OK, halyard("cib", "verify", "--schemas", SCHEMAS, file), out());
        assertEquals(file + ": valid\n", out());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void schemaViolationIsAnErrorWithItsPosition() throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, CIB.formatted("<primitve id=\"web\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\"/>"));
        assertEquals(Halyard.FAILED, halyard("cib", "verify", file.toString(), "--schemas", SCHEMAS));
        assertEquals(file + ":10:7: error: schema pacemaker-3.7: element \"primitve\" not allowed here; expected"
                + " the element end-tag or element \"bundle\", \"clone\", \"group\", \"master\", \"primitive\" or"
                + " \"template\"\n"
                + file + ": not valid: 1 error, 0 warnings\n", out());
    }

    @Test
    void eachFileGetsItsVerdictAndAnyInvalidOneFailsTheCommand() throws Exception {
        Path good = dir.resolve("good.xml");
        Files.writeString(good, CIB.formatted("<primitive id=\"web\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\"/>"));
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, CIB.formatted("<primitive id=\"web\" class=\"ocf\" provider=\"heartbeat\"/>"));
        assertEquals(Halyard.FAILED, halyard("cib", "verify", "--schemas", SCHEMAS, good.toString(), bad.toString()));
        assertEquals(good + ": valid\n"
                + bad + ":10:7: error: schema pacemaker-3.7: element \"primitive\" missing required attribute \"type\"\n"
                + bad + ":10:7: error: primitive \"web\" has no agent: set class and type, or template\n"
                + bad + ": not valid: 2 errors, 0 warnings\n", out());
    }

    @Test
    void missingSchemaDirectoryIsAWarningNotAFailure() throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, CIB.formatted("<primitive id=\"web\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\"/>"));
        Path schemas = dir.resolve("no-schemas");
        assertEquals(Halyard.OK, halyard("cib", "verify", "--schemas", schemas.toString(), file.toString()));
        assertEquals(file + ":1:1: warning: schema validation skipped: schema directory " + schemas + " not found\n"
                + file + ": valid (1 warning)\n", out());
    }

    @Test
    void truncatedXmlNamesLineAndColumn() throws Exception {
        Path file = dir.resolve("truncated.xml");
        Files.writeString(file, "<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\">\n  <configuration>\n    <crm_config>\n");
        assertEquals(Halyard.FAILED, halyard("cib", "verify", file.toString()));
        List<String> lines = out().lines().toList();
        assertEquals(2, lines.size(), out());
        assertTrue(lines.get(0).matches("\\Q" + file + "\\E:4:1: .+"), lines.get(0));
        assertEquals(file + ": not valid: cannot be read as a CIB", lines.get(1));
    }

    @Test
    void unknownResourceInConstraintIsAnErrorWithItsPosition() throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, """
                <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.9">
                  <configuration>
                    <crm_config>
                      <cluster_property_set id="opts">
                        <nvpair id="opts-stonith" name="stonith-enabled" value="false"/>
                      </cluster_property_set>
                    </crm_config>
                    <nodes><node id="1" uname="node1"/></nodes>
                    <resources>
                      <primitive id="web" class="ocf" provider="heartbeat" type="apache"/>
                    </resources>
                    <constraints>
                      <rsc_colocation id="web-with-db" rsc="web" with-rsc="db" score="INFINITY"/>
                    </constraints>
                  </configuration>
                  <status/>
                </cib>
                """);
        assertEquals(Halyard.FAILED, halyard("cib", "verify", "--schemas", SCHEMAS, file.toString()));
        List<String> lines = out().lines().toList();
        assertTrue(lines.get(0).startsWith(file + ":13:"), lines.get(0));
        assertTrue(lines.get(0).contains("error: ") && lines.get(0).contains("\"web-with-db\"")
                && lines.get(0).contains("\"db\""), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith(file + ": not valid: 1 error"), out());
    }

    @Test
    void missingFileIsAFailureNotACrash() {
        Path file = dir.resolve("nope.xml");
        assertEquals(Halyard.FAILED, halyard("cib", "verify", file.toString()));
        assertTrue(out().startsWith(file + ": "), out());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        assertEquals(Halyard.USAGE, halyard("cib", "verify"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("halyard cib verify: missing FILE\nusage: halyard"));
        err.reset();
        assertEquals(Halyard.USAGE, halyard("cib", "verify", "cib.xml", "--schemas"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("halyard cib verify: --schemas needs a directory\n"));
        err.reset();
        assertEquals(Halyard.USAGE, halyard("cib", "verify", "--schema", "/usr/share/pacemaker", "cib.xml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("halyard cib verify: unexpected argument \"--schema\"\n"));
        err.reset();
        assertEquals(Halyard.USAGE, halyard("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("halyard: unknown command \"frobnicate\"\n"));
        err.reset();
        assertEquals(Halyard.USAGE, halyard());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("halyard: missing command\n"));
    }
}
