package org.halyard.scheduler.assign;

import org.halyard.scheduler.resource.Scores;

/**
 * One allocation score as crm_simulate -s shows it.
 *
 * @param stage the scheduler step that showed it, e.g. {@code pcmk__primitive_assign}
 */
public record ScoreLine(String stage, String resource, String node, int score) {

    /** {@code stage: rsc allocation score on node: score}. */
    public String text() {
        return stage + ": " + resource + " allocation score on " + node + ": "
                + Scores.text(score);
    }
}
