package org.halyard.scheduler;

import java.util.List;
import java.util.Map;
import org.halyard.scheduler.assign.ScoreLine;
import org.halyard.scheduler.output.SummaryItem;

/**
 * What one scheduler run decided.
 *
 * @param scores     allocation scores in the order they were computed
 * @param placements each primitive's assigned node (absent: stopped)
 * @param actions    the scheduled (required, runnable or not) actions, e.g. "rsc1_start_0 node1"
 * @param summary    the transition summary items, in crm_simulate's order
 * @param graph      the executable actions and their orderings, for a controller
 */
public record Transition(List<ScoreLine> scores, Map<String, String> placements,
        List<String> actions, List<SummaryItem> summary, ActionGraph graph) {

    public Transition {
        scores = List.copyOf(scores);
        placements = Map.copyOf(placements);
        actions = List.copyOf(actions);
        summary = List.copyOf(summary);
    }
}
