package org.halyard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.halyard.bench.SyntheticCib.Scenario;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.scheduler.Scheduler;
import org.halyard.scheduler.Transition;
import org.halyard.scheduler.output.TransitionSummaryPrinter;

/**
 * The scheduler on synthetic clusters: initial placement (no resource history), a steady-state
 * recompute, and one node down. Halyard's time is measured in this JVM (after warm-up) for
 * loading the CIB file plus scheduling, and for scheduling alone; the baseline is
 * {@code crm_simulate -x FILE -R} (compute the transition) on the same file in the same run, when
 * it is installed. {@code -Dhalyard.bench.crm_simulate=-S} also simulates the execution, which
 * costs far more than the scheduling; {@code =none} skips the baseline. Its time includes process
 * start (about 0.1 s). The "summary" column says whether Halyard's transition summary equals
 * crm_simulate's. Heap is the peak used during one load + schedule, and what the CIB and
 * transition retain. Usage: {@code SchedulerBench [NODESxRESOURCES,...] [runs]}.
 */
public final class SchedulerBench {

    private static final long CRM_SIMULATE_TIMEOUT_S =
            Long.getLong("halyard.bench.crm_simulate_timeout", 1800);
    private static final String CRM_SIMULATE_MODE = System.getProperty("halyard.bench.crm_simulate", "-R");

    /** One crm_simulate run: its wall time (at least, if it timed out) and its summary. */
    private record Baseline(double ms, boolean timedOut, List<String> summary) {
    }

    private SchedulerBench() {
    }

    public static void main(String[] args) throws Exception {
        List<int[]> sizes = new ArrayList<>();
        for (String size : (args.length > 0 ? args[0] : "4x100,16x1000,32x5000").split(",")) {
            String[] parts = size.split("x");
            sizes.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path crmSimulate = "none".equals(CRM_SIMULATE_MODE) ? null : findCrmSimulate();
        Path dir = Files.createTempDirectory("halyard-scheduler-bench");
        System.out.printf("crm_simulate baseline: %s%n", crmSimulate != null ? crmSimulate
                : "none".equals(CRM_SIMULATE_MODE) ? "skipped"
                : "not installed (apt-get install pacemaker-cli-utils)");
        System.out.printf("%-9s %-9s %7s | %9s %9s | %11s %6s %-7s | %8s %8s | %s%n", "size", "scenario",
                "actions", "load+sch", "schedule", "crm_sim " + CRM_SIMULATE_MODE, "ratio", "summary", "peak",
                "retained", "check");
        for (int[] size : sizes) {
            for (Scenario scenario : Scenario.values()) {
                Path file = new SyntheticCib(size[0], size[1], 42).write(
                        dir.resolve("cib-" + size[0] + "x" + size[1] + "-" + scenario + ".xml"), scenario);
                row(size, scenario, file, runs, crmSimulate);
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static void row(int[] size, Scenario scenario, Path file, int runs, Path crmSimulate)
            throws Exception {
        Cib cib = CibXml.load(file);
        double schedule = Measure.median(runs, () -> Scheduler.schedule(cib));
        double endToEnd = Measure.median(runs, () -> Scheduler.schedule(CibXml.load(file)));
        Transition transition = Scheduler.schedule(cib);
        long peak = Measure.peakHeap(() -> Scheduler.schedule(CibXml.load(file)));
        long retained = Measure.retainedHeap(() -> {
            Cib loaded = CibXml.load(file);
            return new Object[] {loaded, Scheduler.schedule(loaded)};
        });
        Baseline baseline = crmSimulate == null ? null : crmSimulate(crmSimulate, file);
        System.out.printf(Locale.ROOT, "%-9s %-9s %7d | %7.0fms %7.0fms | %11s %6s %-7s | %6dMB %6dMB | %s%n",
                size[0] + "x" + size[1], scenario.name().toLowerCase(Locale.ROOT),
                transition.actions().size(), endToEnd, schedule,
                baseline == null ? "-" : String.format(Locale.ROOT, "%s%8.0fms", baseline.timedOut() ? ">" : " ",
                        baseline.ms()),
                baseline == null ? "-" : String.format(Locale.ROOT, "%s%.1fx", baseline.timedOut() ? ">" : "",
                        baseline.ms() / endToEnd),
                baseline == null ? "-" : baseline.timedOut() ? "timeout" : sameSummary(transition, baseline) ? "same"
                        : "DIFFERS",
                peak >> 20, retained >> 20, check(scenario, transition));
    }

    private static boolean sameSummary(Transition transition, Baseline baseline) {
        return normalize(TransitionSummaryPrinter.lines(transition.summary())).equals(normalize(baseline.summary()));
    }

    private static List<String> normalize(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\s+", "")).filter(l -> !l.isEmpty()).sorted().toList();
    }

    /** A sanity check that the scenario did what it says: steady means nothing to do. */
    private static String check(Scenario scenario, Transition transition) {
        int lines = transition.summary().size();
        return switch (scenario) {
            case STEADY -> lines == 0 ? "steady: no changes" : "NOT steady: " + lines + " changes";
            case INITIAL -> lines + " starts";
            case NODE_DOWN -> lines + " changes";
        };
    }

    private static Path findCrmSimulate() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "crm_simulate");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** One {@code crm_simulate -x FILE -R} (or the configured mode): wall time and summary. */
    private static Baseline crmSimulate(Path crmSimulate, Path file) throws Exception {
        Path output = Files.createTempFile("crm_simulate", ".out");
        ProcessBuilder builder = new ProcessBuilder(crmSimulate.toString(), "-x", file.toString(),
                CRM_SIMULATE_MODE).redirectErrorStream(true).redirectOutput(output.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(CRM_SIMULATE_TIMEOUT_S, TimeUnit.SECONDS)) {
            // Still a result: the baseline takes at least this long
            process.destroyForcibly().waitFor();
            Files.delete(output);
            return new Baseline(CRM_SIMULATE_TIMEOUT_S * 1000.0, true, List.of());
        }
        double ms = (System.nanoTime() - start) / 1e6;
        List<String> lines = Files.readAllLines(output);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("crm_simulate failed (exit " + process.exitValue() + ") on " + file);
        }
        return new Baseline(ms, false, TransitionSummaryPrinter.read(lines));
    }
}
