package org.halyard.scheduler.output;

import java.util.List;
import org.halyard.scheduler.assign.ScoreLine;

/** Prints allocation scores as crm_simulate -s does, one line per resource and node. */
public final class ScoresPrinter {

    private ScoresPrinter() {
    }

    /** The lines in the order the scheduler showed them. */
    public static List<String> lines(List<ScoreLine> scores) {
        return scores.stream().map(ScoreLine::text).toList();
    }

    /** The lines sorted, as the regression suite compares them. */
    public static List<String> sortedLines(List<ScoreLine> scores) {
        return lines(scores).stream().sorted().toList();
    }
}
