package org.halyard.scheduler.resource;

import org.halyard.cib.model.Score;

/** Score arithmetic saturating at ±INFINITY, with -INFINITY winning (pcmk__add_scores). */
public final class Scores {

    public static final int INFINITY = Score.INFINITY;

    private Scores() {
    }

    public static int add(int a, int b) {
        if (a <= -INFINITY || b <= -INFINITY) {
            return -INFINITY;
        }
        if (a >= INFINITY || b >= INFINITY) {
            return INFINITY;
        }
        return Math.max(-INFINITY, Math.min(INFINITY, a + b));
    }

    private static final java.util.regex.Pattern LEADING_INTEGER =
            java.util.regex.Pattern.compile("\\s*([+-]?[0-9]+).*");

    /**
     * Reads a score like char2score: INFINITY forms, else the leading integer (so "2.0" is 2,
     * as strtoll reads it); unparseable means 0.
     */
    public static int parse(String text) {
        if (text == null) {
            return 0;
        }
        var exact = Score.parse(text);
        if (exact.isPresent()) {
            return exact.get().value();
        }
        var match = LEADING_INTEGER.matcher(text);
        return match.matches() ? Score.parse(match.group(1)).map(Score::value).orElse(0) : 0;
    }

    /** As Pacemaker prints scores. */
    public static String text(int score) {
        return new Score(Math.max(-INFINITY, Math.min(INFINITY, score))).toString();
    }
}
