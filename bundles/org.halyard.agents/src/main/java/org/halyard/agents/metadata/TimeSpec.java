package org.halyard.agents.metadata;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pacemaker's time specifications: {@code 20}, {@code 20s}, {@code 500ms}, {@code 2min}, {@code 1h}, {@code PT20S}. */
final class TimeSpec {

    private static final Pattern SPEC = Pattern.compile("\\s*(\\d+)\\s*([a-z]*)\\s*");

    private TimeSpec() {
    }

    /** @throws IllegalArgumentException naming the text if it is not a time specification */
    static Duration parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            try {
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not an ISO 8601 duration", e);
            }
        }
        Matcher matcher = SPEC.matcher(lower);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time such as 20s, 500ms or 2min");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "", "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(amount);
            case "ms", "msec", "msecs" -> Duration.ofMillis(amount);
            case "us", "usec", "usecs" -> Duration.ofNanos(amount * 1000);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(amount);
            case "h", "hr", "hrs", "hour", "hours" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("\"" + text + "\" has an unknown time unit \""
                    + matcher.group(2) + "\"");
        };
    }

    /** The shortest Pacemaker form: {@code 20s}, {@code 500ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
