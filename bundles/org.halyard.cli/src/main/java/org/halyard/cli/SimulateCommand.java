package org.halyard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.halyard.cib.CibException;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.status.NodeState;
import org.halyard.scheduler.FeatureSupport;
import org.halyard.scheduler.Scheduler;
import org.halyard.scheduler.SchedulerException;
import org.halyard.scheduler.Transition;
import org.halyard.scheduler.output.ScoresPrinter;
import org.halyard.scheduler.output.TransitionSummaryPrinter;

/**
 * {@code halyard simulate}: what the scheduler would do with a CIB file, in crm_simulate's
 * format, optionally after taking nodes down first (crm_simulate's what-if).
 */
final class SimulateCommand {

    private SimulateCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        String file = null;
        boolean scores = false;
        List<String> nodesDown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--scores", "-s" -> scores = true;
                case "--node-down" -> {
                    if (++i >= args.size()) {
                        throw new Halyard.UsageException("halyard simulate: --node-down needs a node name");
                    }
                    nodesDown.add(args.get(i));
                }
                default -> {
                    if (args.get(i).startsWith("-") || file != null) {
                        throw new Halyard.UsageException("halyard simulate: unexpected argument \"" + args.get(i) + "\"");
                    }
                    file = args.get(i);
                }
            }
        }
        if (file == null) {
            throw new Halyard.UsageException("halyard simulate: missing FILE.xml");
        }
        Cib cib;
        try {
            cib = CibXml.load(Path.of(file));
        } catch (CibException e) {
            out.println(e.getMessage());
            return Halyard.FAILED;
        }
        for (String node : nodesDown) {
            if (!takeDown(cib, node)) {
                out.println(file + ": --node-down " + node + ": no node_state for \"" + node + "\" in the status section");
                return Halyard.FAILED;
            }
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
