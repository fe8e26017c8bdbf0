package org.halyard.cib.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.halyard.cib.CibException;
import org.halyard.cib.SharedData;
import org.halyard.cib.model.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema-level checks of {@link CibValidator#verify}, against Pacemaker 2.1.5's schemas. */
class SchemaValidationTest {

    private static final Path SCHEMAS = SharedData.schemaDir();

    /** Clean for the schema and the semantic checks; %s: validate-with, a resource, constraints. */
    private static final String CIB = """
            <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="%s">
              <configuration>
                <crm_config>
                  <cluster_property_set id="opts">
                    <nvpair id="opts-stonith" name="stonith-enabled" value="false"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="node1"/>
                </nodes>
                <resources>
                  <primitive id="web" class="ocf" provider="heartbeat" type="apache"/>
                  %s
                </resources>
                <constraints>
                  %s
                </constraints>
              </configuration>
              <status/>
            </cib>
            """;

    private static String cib(String validateWith, String resource, String constraint) {
        return CIB.formatted(validateWith, resource, constraint);
    }

    private static List<String> verify(String xml) {
        return verify(xml, SCHEMAS);
    }

    private static List<String> verify(String xml, Path schemas) {
        return CibValidator.verify(xml, "cib.xml", schemas).stream().map(Problem::toString)
                .toList();
    }

    @Test
    void cleanConfigurationHasNoProblems() {
        assertEquals(List.of(), verify(cib("pacemaker-3.7", "",
                "<rsc_location id=\"loc\" rsc=\"web\" node=\"node1\" score=\"100\"/>")));
    }

    @Test
    void misspelledElementIsAnErrorAtItsStartTag() {
        List<Problem> problems = CibValidator.verify(cib("pacemaker-3.7",
                "<primitve id=\"db\" class=\"ocf\" provider=\"heartbeat\" type=\"mysql\"/>", ""),
                "cib.xml", SCHEMAS);
        assertEquals(List.of(new Problem(Severity.ERROR, Check.SCHEMA, "db",
                new SourcePosition("cib.xml", 13, 7), "schema pacemaker-3.7: element \"primitve\""
                        + " not allowed here; expected the element end-tag or element \"bundle\","
                        + " \"clone\", \"group\", \"master\", \"primitive\" or \"template\"")),
                problems);
        assertEquals("cib.xml:13:7: error: schema pacemaker-3.7: element \"primitve\" not allowed"
                + " here; expected the element end-tag or element \"bundle\", \"clone\", \"group\","
                + " \"master\", \"primitive\" or \"template\"", problems.get(0).toString());
    }

    @Test
    void missingRequiredAttributeComesBeforeTheSemanticProblemAtTheSameElement() {
        assertEquals(List.of(
                "cib.xml:13:7: error: schema pacemaker-3.7: element \"primitive\" missing required"
                        + " attribute \"type\"",
                "cib.xml:13:7: error: primitive \"db\" has no agent: set class and type, or"
                        + " template"),
                verify(cib("pacemaker-3.7",
                        "<primitive id=\"db\" class=\"ocf\" provider=\"heartbeat\"/>", "")));
    }

    @Test
    void scoreMustBeAnIntegerOrInfinity() {
        assertEquals(List.of("cib.xml:16:7: error: schema pacemaker-3.7: value \"banana\" of"
                + " attribute \"score\" is invalid; must be an integer or must be equal to"
                + " \"+INFINITY\", \"-INFINITY\" or \"INFINITY\""),
                verify(cib("pacemaker-3.7", "",
                        "<rsc_location id=\"loc\" rsc=\"web\" node=\"node1\" score=\"banana\"/>")));
    }

    @Test
    void incompleteElementIsReportedAtItsStartTagNotAtItsEnd() {
        // Jing finds this at the end tag; the problem belongs to the element.
        assertEquals(List.of(
                "cib.xml:16:7: error: schema pacemaker-3.7: element \"rsc_location\" incomplete;"
                        + " missing required element \"rule\"",
                "cib.xml:16:7: error: location \"loc\" has neither node and score nor a rule"),
                verify(cib("pacemaker-3.7", "", """
                        <rsc_location id="loc" rsc="web">
                          </rsc_location>""")));
    }

    @Test
    void schemaAndSemanticProblemsComeInDocumentOrder() {
        String db = "<primitive id=\"2db\" class=\"ocf\" provider=\"heartbeat\" type=\"mysql\"/>";
        String constraints = """
                <rsc_colocation id="self" rsc="web" with-rsc="web" score="INFINITY"/>
                      <rsc_location id="odd" rsc="web" node="node1" score="1" flavour="x"/>""";
        assertEquals(List.of(
                "cib.xml:13:7: error: schema pacemaker-3.7: value \"2db\" of attribute \"id\" is"
                        + " invalid; must be an XML name without colons",
                "cib.xml:16:7: error: colocation \"self\" colocates \"web\" with itself",
                "cib.xml:17:7: error: schema pacemaker-3.7: attribute \"flavour\" not allowed"
                        + " here; expected attribute \"resource-discovery\" or \"role\""),
                verify(cib("pacemaker-3.7", db, constraints)));
    }

    @Test
    void olderSchemaRejectsWhatANewerOneAllows() {
        // resource-discovery on rsc_location came with schema 2.2
        String xml = cib("%s", "", "<rsc_location id=\"loc\" rsc=\"web\" node=\"node1\" score=\"1\""
                + " resource-discovery=\"never\"/>");
        assertEquals(List.of(), verify(xml.formatted("pacemaker-3.7")));
        assertEquals(List.of("cib.xml:16:7: error: schema pacemaker-1.2: attribute"
                + " \"resource-discovery\" not allowed here; expected attribute \"role\""),
                verify(xml.formatted("pacemaker-1.2")));
    }

    @Test
    void newerSchemaRejectsWhatAnOlderOneAllowedAndTheMessageQuotesTheValue() {
        // Pacemaker 1.1's cluster-infrastructure values are gone from schema 2.10 on
        // (upgrade-2.10.xsl drops them); Jing's message alone does not say which value is bad.
        String xml = cib("%s", "", "").replace("<nvpair id=\"opts-stonith\"", "<nvpair"
                + " id=\"opts-ci\" name=\"cluster-infrastructure\" value=\"openais\"/><nvpair"
                + " id=\"opts-stonith\"");
        assertEquals(List.of(), verify(xml.formatted("pacemaker-2.9")));
        assertEquals(List.of("cib.xml:5:9: error: schema pacemaker-3.7: value \"openais\" of"
                + " attribute \"value\" is invalid"), verify(xml.formatted("pacemaker-3.7")));
    }

    @Test
    void unknownValidateWithIsAnErrorNamingTheValueAndTheDirectory() {
        assertEquals(List.of("cib.xml:1:1: error: unknown schema validate-with=\"pacemaker-9.9\":"
                + " no pacemaker-9.9.rng in " + SCHEMAS), verify(cib("pacemaker-9.9", "", "")));
    }

    @Test
    void validateWithCannotNameAFileOutsideTheSchemaDirectory() {
        String outside = "../pacemaker-schema-2.1.5/pacemaker-3.7";
        assertEquals(List.of("cib.xml:1:1: error: unknown schema validate-with=\"" + outside
                + "\": no " + outside + ".rng in " + SCHEMAS), verify(cib(outside, "", "")));
    }

    @Test
    void validateWithNoneDisablesTheSchemaCheckWithAWarningButNotTheSemanticChecks() {
        assertEquals(List.of(
                "cib.xml:1:1: warning: validate-with=\"none\": schema validation is disabled"
                        + " (enabling it is encouraged and prevents common misconfigurations)",
                "cib.xml:16:7: error: location \"loc\" refers to unknown resource \"db\""),
                verify(cib("none", "<primitve id=\"x\"/>",
                        "<rsc_location id=\"loc\" rsc=\"db\" node=\"node1\" score=\"1\"/>")));
    }

    @Test
    void withoutValidateWithTheNewestSchemaApplies() {
        String xml = cib("", "<primitve id=\"x\"/>", "").replace(" validate-with=\"\"", "");
        assertEquals("cib.xml:13:7: error: schema pacemaker-3.9: element \"primitve\" not allowed"
                + " here; expected the element end-tag or element \"bundle\", \"clone\", \"group\","
                + " \"master\", \"primitive\" or \"template\"", verify(xml).get(0));
    }

    @Test
    void missingSchemaDirectoryIsAWarningAndTheSemanticChecksStillRun(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-dir");
        assertEquals(List.of(
                "cib.xml:1:1: warning: schema validation skipped: schema directory " + missing
                        + " not found",
                "cib.xml:16:7: error: location \"loc\" refers to unknown resource \"db\""),
                verify(cib("pacemaker-3.7", "<primitve id=\"x\"/>",
                        "<rsc_location id=\"loc\" rsc=\"db\" node=\"node1\" score=\"1\"/>"),
                        missing));
    }

    @Test
    void brokenSchemaFileIsAnErrorSayingWhy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pacemaker-3.7.rng"), "<grammar xmlns=\"http://relaxng.org/"
                + "ns/structure/1.0\"><start><ref name=\"nowhere\"/></start></grammar>\n");
        assertEquals(List.of("cib.xml:1:1: error: schema pacemaker-3.7 in " + dir + " cannot be"
                + " used: " + dir.resolve("pacemaker-3.7.rng").toUri() + ":1:82: reference to"
                + " undefined pattern \"nowhere\""), verify(cib("pacemaker-3.7", "", ""), dir));
    }

    @Test
    void textIsIgnoredAsPacemakerStripsItBeforeValidating() {
        assertEquals(List.of(), verify(cib("pacemaker-3.7", "stray text", "")));
    }

    @Test
    void rootPositionAfterAnXmlDeclaration() {
        assertEquals(List.of("cib.xml:2:1: error: unknown schema validate-with=\"pacemaker-0.1\":"
                + " no pacemaker-0.1.rng in " + SCHEMAS),
                verify("<?xml version=\"1.0\"?>\n" + cib("pacemaker-0.1", "", "")));
    }

    @Test
    void malformedXmlIsACibExceptionAsForLoading() {
        CibException e = assertThrows(CibException.class, () -> CibValidator.verify(
                "<cib validate-with=\"pacemaker-3.7\">", "cib.xml", SCHEMAS));
        assertEquals(new SourcePosition("cib.xml", 1, 36), e.position());
    }

    @Test
    void concurrentVerificationsShareTheSchemaSafely() throws Exception {
        // No other test (nor scheduler input) uses pacemaker-2.6: the threads race to compile it.
        String xml = cib("pacemaker-2.6", "<primitve id=\"x\"/>", "");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> verify(xml)));
            }
            for (Future<List<String>> result : results) {
                assertEquals(1, result.get().size(), () -> result.toString());
                assertEquals(verify(xml), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
