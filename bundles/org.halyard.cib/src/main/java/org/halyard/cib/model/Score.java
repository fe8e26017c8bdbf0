package org.halyard.cib.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A Pacemaker score: an integer saturated at ±{@link #INFINITY} (1,000,000).
 *
 * @param value the score, within [-INFINITY, +INFINITY]
 */
public record Score(int value) {

    /** Pacemaker's CRM_SCORE_INFINITY. */
    public static final int INFINITY = 1_000_000;

    private static final BigInteger PLUS_INFINITY = BigInteger.valueOf(INFINITY);
    private static final BigInteger MINUS_INFINITY = BigInteger.valueOf(-INFINITY);

    public Score {
        if (value > INFINITY || value < -INFINITY) {
            throw new IllegalArgumentException("score out of range: " + value);
        }
    }

    /**
     * Reads a score as Pacemaker's char2score does for literal values: {@code INFINITY},
     * {@code +INFINITY}, {@code -INFINITY} or an integer, clamped to ±INFINITY. Empty for null
     * and for anything else (including red/yellow/green, whose values are cluster options).
     */
    public static Optional<Score> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        switch (s) {
            case "INFINITY", "+INFINITY":
                return Optional.of(new Score(INFINITY));
            case "-INFINITY":
                return Optional.of(new Score(-INFINITY));
            default:
                break;
        }
        if (!s.matches("[+-]?[0-9]+")) {
            return Optional.empty();
        }
        BigInteger parsed = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        return Optional.of(new Score(parsed.max(MINUS_INFINITY).min(PLUS_INFINITY)
                .intValueExact()));
    }

    public boolean isInfinite() {
        return Math.abs(value) == INFINITY;
    }

    /** As Pacemaker writes scores: INFINITY, -INFINITY or the integer. */
    @Override
    public String toString() {
        if (Math.abs(value) == INFINITY) {
            return value > 0 ? "INFINITY" : "-INFINITY";
        }
        return Integer.toString(value);
    }
}
