package org.halyard.scheduler.assign;

import org.halyard.scheduler.resource.Scores;

/**
 * One score as crm_simulate -s shows it: an allocation score, or a promotion score.
 *
 * @param stage the scheduler step that showed it, e.g. {@code pcmk__primitive_assign}; null
 *              for a promotion score
 * @param node  the node, or {@code none} for a promotion score of an unassigned instance
 */
public record ScoreLine(String stage, String resource, String node, int score) {

    /** A promotable instance's promotion score on the node it was assigned to. */
    public static ScoreLine promotion(String resource, String node, int score) {
        return new ScoreLine(null, resource, node == null ? "none" : node, score);
    }

    /** {@code stage: rsc allocation score on node: score}, or a promotion score line. */
    public String text() {
        if (stage == null) {
            return resource + " promotion score on " + node + ": " + Scores.text(score);
        }
        return stage + ": " + resource + " allocation score on " + node + ": "
                + Scores.text(score);
    }
}
