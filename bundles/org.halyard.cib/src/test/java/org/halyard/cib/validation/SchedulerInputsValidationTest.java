package org.halyard.cib.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.halyard.cib.CibXml;
import org.halyard.cib.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pacemaker's scheduler inputs are valid configurations: the validator must not report a single
 * error for them, except the missing fencing device exactly where Pacemaker reports it too.
 */
class SchedulerInputsValidationTest {

    /** Inputs that rely on watchdog (SBD) fencing: enabled, no device, yet no error. */
    private static final Set<String> WATCHDOG_FENCING = Set.of("partial-live-migration-multiple-active");

    @TestFactory
    Stream<DynamicTest> noErrorsInPacemakersOwnInputs() throws IOException {
        Set<String> withoutDevice = inputsWithFencingButNoDevice();
        return SharedData.schedulerInputs().stream().map(input -> DynamicTest.dynamicTest(
                input.getFileName().toString(), input.toUri(), () -> {
                    List<Problem> errors = CibValidator.validate(CibXml.load(input)).stream()
                            .filter(Problem::isError).toList();
                    List<Check> expected = withoutDevice.contains(SharedData.testName(input))
                            ? List.of(Check.NO_FENCING_DEVICE) : List.of();
                    assertEquals(expected, errors.stream().map(Problem::check).toList(),
                            () -> "errors: " + errors);
                }));
    }

    /** From features.tsv: fencing_enabled without any stonith resource. */
    private static Set<String> inputsWithFencingButNoDevice() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.schedulerDir().resolve("features.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int enabled = header.indexOf("fencing_enabled");
        int devices = header.indexOf("stonith_rsc");
        Set<String> names = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if ("1".equals(fields[enabled]) && "0".equals(fields[devices])
                    && !WATCHDOG_FENCING.contains(fields[0])) {
                names.add(fields[0]);
            }
        }
        assertEquals(Set.of("remote-orphaned2", "stop-failure-no-fencing"), names,
                "inputs that should get the no-fencing-device error");
        return names;
    }
}
