package org.halyard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.halyard.cib.CibException;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.status.NodeState;
import org.halyard.scheduler.FailureInjection;
import org.halyard.scheduler.FeatureSupport;
import org.halyard.scheduler.Scheduler;
import org.halyard.scheduler.SchedulerException;
import org.halyard.scheduler.Transition;
import org.halyard.scheduler.output.ScoresPrinter;
import org.halyard.scheduler.output.TransitionSummaryPrinter;

/**
 * {@code halyard simulate}: what the scheduler would do with a CIB file, in crm_simulate's
 * format, optionally after taking nodes down or failing resources' monitors first
 * (crm_simulate's what-if: --node-down, --op-inject).
 */
final class SimulateCommand {

    private SimulateCommand() {
    }

    /** The running cluster as its DC schedules it: configuration and the status section. */
    private static Cib liveCib(java.nio.file.Path socket) {
        try (org.halyard.api.ApiClient client = org.halyard.api.ApiClient.connect(socket)) {
            return CibXml.parse(client.call(client.request("cib-query").with("scope", "all")).text(),
                    "the running cluster's CIB");
        }
    }

    static int run(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        boolean live = args.remove("--live") | args.remove("-L");
        java.nio.file.Path socket = live ? LiveCluster.takeSocket(args, "halyard simulate") : null;
        String file = null;
        boolean scores = false;
        List<String> nodesDown = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--scores", "-s" -> scores = true;
                case "--node-down" -> {
                    if (++i >= args.size()) {
                        throw new Halyard.UsageException("halyard simulate: --node-down needs a node name");
                    }
                    nodesDown.add(args.get(i));
                }
                case "--fail" -> {
                    if (++i >= args.size() || !validFailure(args.get(i))) {
                        throw new Halyard.UsageException("halyard simulate: --fail needs RSC:NODE");
                    }
                    failures.add(args.get(i));
                }
                default -> {
                    if (args.get(i).startsWith("-") || file != null) {
                        throw new Halyard.UsageException("halyard simulate: unexpected argument \"" + args.get(i) + "\"");
                    }
                    file = args.get(i);
                }
            }
        }
        if (file == null && !live || file != null && live) {
            throw new Halyard.UsageException("halyard simulate: give FILE.xml or --live (the running cluster), one of them");
        }
        Cib cib;
        try {
            cib = live ? liveCib(socket) : CibXml.load(Path.of(file));
        } catch (CibException | org.halyard.api.ApiException e) {
            out.println((live ? "halyard simulate --live: " : "") + e.getMessage());
            return Halyard.FAILED;
        }
        if (live) {
            file = "the running cluster";
        }
        for (String node : nodesDown) {
            if (!takeDown(cib, node)) {
                out.println(file + ": --node-down " + node + ": no node_state for \"" + node + "\" in the status section");
                return Halyard.FAILED;
            }
        }
        String failed = injectFailures(cib, failures);
        if (failed != null) {
            out.println(file + ": " + failed);
            return Halyard.FAILED;
        }
        List<String> unsupported = FeatureSupport.unsupported(cib);
        if (!unsupported.isEmpty()) {
            // better no answer than a wrong one: the admin would act on it
            out.println(file + ": the scheduler does not implement yet what this CIB uses: "
                    + String.join(", ", unsupported));
            return Halyard.FAILED;
        }
        Transition transition;
        try {
            transition = Scheduler.schedule(cib);
        } catch (SchedulerException e) {
            out.println(file + ": " + e.getMessage());
            return Halyard.FAILED;
        }
        if (scores) {
            out.println("Allocation scores:");
            ScoresPrinter.sortedLines(transition.scores()).forEach(out::println);
            out.println();
        }
        out.println("Transition Summary:");
        TransitionSummaryPrinter.lines(transition.summary()).forEach(out::println);
        return Halyard.OK;
    }

    /** RSC:NODE with both parts present (a node name has no colon). */
    private static boolean validFailure(String spec) {
        int colon = spec.lastIndexOf(':');
        return colon > 0 && colon < spec.length() - 1;
    }

    /**
     * As crm_simulate --op-inject of a failed monitor: each resource's recurring monitor failed
     * on its node just now. Returns why one cannot be recorded, or null.
     */
    private static String injectFailures(Cib cib, List<String> failures) {
        long now = System.currentTimeMillis() / 1000;
        for (String spec : failures) {
            int colon = spec.lastIndexOf(':');
            try {
                FailureInjection.failedMonitor(cib, spec.substring(0, colon),
                        spec.substring(colon + 1), now);
            } catch (SchedulerException e) {
                return "--fail " + spec + ": " + e.getMessage();
            }
        }
        return null;
    }

    /** As crm_simulate --node-down: the node leaves the membership without having shut down. */
    private static boolean takeDown(Cib cib, String node) {
        return cib.status().flatMap(status -> status.nodeState(node)).map(state -> {
            markDown(state);
            return true;
        }).orElse(false);
    }

    private static void markDown(NodeState state) {
        state.setInCcm("false");
        state.setCrmd("offline");
    }
}
