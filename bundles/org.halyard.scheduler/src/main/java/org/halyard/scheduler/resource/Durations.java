package org.halyard.scheduler.resource;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pacemaker interval specifications ("10", "10s", "5min", "1h", "PT10S") in milliseconds. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("\\s*([0-9]+)\\s*([a-z]*)\\s*");
    private static final Pattern ISO = Pattern.compile(
            "P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?");

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
        Matcher iso = ISO.matcher(spec.trim().toUpperCase(Locale.ROOT));
        if (iso.matches()) {
            return part(iso.group(1)) * 86_400_000 + part(iso.group(2)) * 3_600_000
                    + part(iso.group(3)) * 60_000 + part(iso.group(4)) * 1000;
        }
        return 0;
    }

    private static long part(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
