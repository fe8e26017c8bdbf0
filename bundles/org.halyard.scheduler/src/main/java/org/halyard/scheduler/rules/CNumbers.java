package org.halyard.scheduler.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Number parsing as C's strtoll and strtod do it: the longest numeric prefix counts. */
final class CNumbers {

    private static final Pattern INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");
    private static final Pattern DOUBLE = Pattern.compile(
            "^\\s*([+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?))");

    private CNumbers() {
    }

    /** The leading integer, clipped to the long range; null if there are no digits. */
    static Long leadingInteger(String text) {
        Matcher m = INTEGER.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException overflow) {
            return m.group(1).startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The leading decimal number; null if there is none. */
    static Double leadingDouble(String text) {
        Matcher m = DOUBLE.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }
}
