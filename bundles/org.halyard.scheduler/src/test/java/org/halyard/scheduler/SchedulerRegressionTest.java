package org.halyard.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Pacemaker 2.1.5's scheduler regression suite. Every case of the primitives-and-groups subset
 * is a test: it must match when the CIB uses only implemented features; a case using a feature
 * the scheduler names as not yet supported is reported (never silently skipped). So is every
 * listed case using a placement strategy, which must match. The report for all subsets is
 * printed.
 */
class SchedulerRegressionTest {

    private static final List<String> SUBSETS = List.of("primitives-groups-only",
            "core-nostonith", "core");

    static Path suiteDir() {
        String configured = System.getProperty("halyard.shared.dir");
        Path shared = (configured != null ? Path.of(configured) : Path.of("../../../shared"))
                .toAbsolutePath().normalize();
        Path dir = shared.resolve("data/pacemaker-scheduler-2.1.5");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("scheduler suite not found in " + dir
                    + " (set -Dhalyard.shared.dir=/path/to/shared)");
        }
        return dir;
    }

    static List<String> subset(String name) {
        try {
            return Files.readAllLines(suiteDir().resolve("subset-" + name + ".txt")).stream()
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> primitivesAndGroups() {
        Path dir = suiteDir();
        return subset("primitives-groups-only").stream().map(name -> DynamicTest.dynamicTest(
                name, () -> {
                    RegressionCase.Outcome outcome = new RegressionCase(name, dir).run();
                    if (!outcome.supported()) {
                        System.out.println("scheduler regression: " + name
                                + " not yet supported: " + outcome.unsupported());
                        return;
                    }
                    String divergence = KNOWN_DIVERGENCES.get(name);
                    if (divergence != null) {
                        // strict: a listed case that starts to match must leave the list
                        assertFalse(outcome.passed(), name + " now matches Pacemaker: remove it from "
                                + "known-divergences.txt");
                        System.out.println("scheduler regression: " + name + " known divergence: "
                                + divergence);
                        return;
                    }
                    assertTrue(outcome.passed(), name + ": " + outcome.detail());
                }));
    }

    /** The placement-strategy cases that match Pacemaker (placement-strategy-cases.txt). */
    @TestFactory
    Stream<DynamicTest> placementStrategies() {
        Path dir = suiteDir();
        return resourceLines("/placement-strategy-cases.txt").stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    RegressionCase.Outcome outcome = new RegressionCase(name, dir).run();
                    assertTrue(outcome.passed(), name + ": " + (outcome.supported()
                            ? outcome.detail() : "not supported: " + outcome.unsupported()));
                }));
    }

    /** Prints the pass count per subset; no input of the core subsets may crash the scheduler. */
    @Test
    void reportAllSubsets() {
        Path dir = suiteDir();
        Map<String, RegressionCase.Outcome> outcomes = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder("scheduler regression:");
        Map<String, Integer> unsupported = new TreeMap<>();
        List<String> failing = new ArrayList<>();
        for (String subset : SUBSETS) {
            List<String> names = subset(subset);
            int pass = 0;
            for (String name : names) {
                RegressionCase.Outcome outcome = outcomes.computeIfAbsent(name,
                        n -> runSafely(new RegressionCase(n, dir)));
                pass += outcome.passed() ? 1 : 0;
            }
            report.append(' ').append(subset).append(' ').append(pass).append('/')
                    .append(names.size()).append(',');
        }
        for (RegressionCase.Outcome outcome : outcomes.values()) {
            outcome.unsupported().forEach(f -> unsupported.merge(f, 1, Integer::sum));
            if (outcome.supported() && !outcome.passed()) {
                failing.add(outcome.name() + ": " + outcome.detail());
            }
        }
        report.setLength(report.length() - 1);
        report.append("; not yet supported: ");
        unsupported.forEach((f, n) -> report.append(f).append(" (").append(n).append("), "));
        System.out.println(report);
        System.out.println("supported but failing (" + failing.size() + "):");
        failing.forEach(f -> System.out.println("  " + f));
        List<String> crashed = outcomes.values().stream()
                .filter(o -> o.detail().startsWith("exception ")).map(o -> o.name() + ": " + o.detail()).toList();
        assertEquals(List.of(), crashed, "the scheduler must answer every input, right or wrong");
    }

    private static final Map<String, String> KNOWN_DIVERGENCES = knownDivergences();

    private static Map<String, String> knownDivergences() {
        Map<String, String> known = new LinkedHashMap<>();
        for (String line : resourceLines("/known-divergences.txt")) {
            String[] parts = line.split("\t", 2);
            known.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "(no reason given)");
        }
        return known;
    }

    /** The lines of a test resource, without blank lines and # comments. */
    private static List<String> resourceLines(String name) {
        try (var in = SchedulerRegressionTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the test resources");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegressionCase.Outcome runSafely(RegressionCase regressionCase) {
        try {
            return regressionCase.run();
        } catch (RuntimeException e) {
            return new RegressionCase.Outcome(regressionCase.name(), List.of(), false, false,
                    "exception " + e);
        }
    }
}
