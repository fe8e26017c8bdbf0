package org.halyard.scheduler.resource;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pacemaker interval specifications ("10", "10s", "5min", "1h", "PT10S") in milliseconds. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("\\s*([0-9]+)\\s*([a-z]*)\\s*");
    /** One ISO 8601 duration element: a number and its unit (a T switches M to minutes). */
    private static final Pattern ISO_PART = Pattern.compile("T|([0-9]+)([YMWDHS])");

    private Durations() {
    }

    public static long toMillis(String spec) {
        if (spec == null || spec.isBlank()) {
            return 0;
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE.matcher(s);
        if (simple.matches()) {
            long n = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "", "s", "sec" -> n * 1000;
                case "ms", "msec" -> n;
                case "us", "usec" -> n / 1000;
                case "m", "min" -> n * 60_000;
                case "h", "hr" -> n * 3_600_000;
                default -> 0;
            };
        }
        String upper = spec.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith("P") ? iso(upper.substring(1)) : 0;
    }

    /** Pacemaker also accepts hours and seconds before the T ("P30S"). */
    private static long iso(String text) {
        Matcher part = ISO_PART.matcher(text);
        long seconds = 0;
        boolean time = false;
        int at = 0;
        while (part.find() && part.start() == at) {
            at = part.end();
            if (part.group(1) == null) {
                time = true;
                continue;
            }
            long n = Long.parseLong(part.group(1));
            seconds += n * switch (part.group(2)) {
                case "Y" -> 365L * 86_400;
                case "M" -> time ? 60L : 30L * 86_400;
                case "W" -> 7L * 86_400;
                case "D" -> 86_400L;
                case "H" -> 3_600L;
                default -> 1L;
            };
        }
        return at == text.length() ? seconds * 1000 : 0;
    }
}
