package org.halyard.crmsh.printer;

import java.util.regex.Pattern;

/** Writes values so the crm tokenizer reads them back unchanged. */
final class Values {

    private static final Pattern BARE = Pattern.compile("[^\\s\"'\\\\]+");

    private Values() {
    }

    /** {@code value} bare when it can be, else in double quotes with {@code \"} and {@code \\}. */
    static String quote(String value) {
        if (value != null && BARE.matcher(value).matches()) {
            return value;
        }
        String text = value == null ? "" : value;
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String pair(String name, String value) {
        return name + "=" + quote(value);
    }

    /** How crm writes a score: inf, -inf, +inf or the number. */
    static String score(String score) {
        if (score == null) {
            return null;
        }
        return switch (score) {
            case "INFINITY" -> "inf";
            case "+INFINITY" -> "+inf";
            case "-INFINITY" -> "-inf";
            default -> score;
        };
    }

    /** True if {@code id} is what the parser generates for {@code base} (base, base-0...). */
    static boolean isGenerated(String id, String base) {
        return id != null && (id.equals(base) || id.matches(Pattern.quote(base) + "-[0-9]+"));
    }
}
