package org.halyard.cib.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.halyard.cib.CibXml;
import org.halyard.cib.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pacemaker's scheduler inputs against the schema their {@code validate-with} names. Pacemaker
 * 2.1.5's {@code crm_verify} finds no schema violation in any of them, nor does
 * {@code xmllint --relaxng} with the same schemas, and neither may we.
 *
 * <p>Each input is also checked with a stray element at the end of its {@code <configuration>}:
 * that must be the one violation, at its position and naming the input's schema, which shows the
 * input's own schema was applied and not skipped.
 */
class SchedulerInputsSchemaTest {

    private static final String PROBE = "<halyard-probe/>";

    /** validate-with="none": crm_verify only says that schema validation is disabled. */
    private static final Set<String> VALIDATION_DISABLED = Set.of("order-wrong-kind");

    @TestFactory
    Stream<DynamicTest> pacemakersOwnInputsAreSchemaValid() {
        List<Path> inputs = SharedData.schedulerInputs();
        assertEquals(SharedData.SCHEDULER_INPUT_COUNT, inputs.size(), "inputs found");
        return inputs.stream().map(input -> DynamicTest.dynamicTest(
                input.getFileName().toString(), input.toUri(), () -> check(input)));
    }

    private static void check(Path input) throws Exception {
        String source = input.toString();
        String validateWith = CibXml.load(input).getValidateWith();
        String xml = Files.readString(input);
        String probed = xml.replaceFirst("</configuration>", PROBE + "</configuration>");
        int at = probed.indexOf(PROBE);
        int line = (int) probed.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - probed.lastIndexOf('\n', at);

        List<String> found = schemaProblems(CibValidator.verify(input, SharedData.schemaDir()));
        List<String> foundWithProbe = schemaProblems(
                CibValidator.verify(probed, source, SharedData.schemaDir()));

        if (VALIDATION_DISABLED.contains(SharedData.testName(input))) {
            List<String> disabled = List.of(source + ":1:1: warning: validate-with=\"none\": schema"
                    + " validation is disabled (enabling it is encouraged and prevents common"
                    + " misconfigurations)");
            assertEquals(disabled, found);
            assertEquals(disabled, foundWithProbe);
            return;
        }
        assertEquals(List.of(), found);
        assertEquals(1, foundWithProbe.size(), () -> "with " + PROBE + ": " + foundWithProbe);
        String expected = source + ":" + line + ":" + column + ": error: schema " + validateWith
                + ": element \"halyard-probe\" not allowed here; expected ";
        assertTrue(foundWithProbe.get(0).startsWith(expected),
                () -> "expected " + expected + "..., got " + foundWithProbe.get(0));
    }

    private static List<String> schemaProblems(List<Problem> problems) {
        return problems.stream().filter(problem -> problem.check() == Check.SCHEMA)
                .map(Problem::toString).toList();
    }
}
