package org.halyard.crmsh.printer;

import java.util.regex.Pattern;

/** Writes values so the crm tokenizer reads them back unchanged. */
final class Values {

    /** What crm leaves unquoted: word characters, dots and dashes. */
    private static final Pattern CRM_BARE = Pattern.compile("[\\w.-]+",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** What the tokenizer reads as one word without quotes. */
    private static final Pattern WORD = Pattern.compile("[^\\s\"'\\\\]+");

    private Values() {
    }

    /**
     * {@code value} bare when crm leaves it bare, else in double quotes with {@code \"} (crm's
     * quoting) and {@code \\} (which crm leaves alone, but the tokenizer would not read back).
     */
    static String quote(String value) {
        if (value != null && CRM_BARE.matcher(value).matches()) {
            return value;
        }
        String text = value == null ? "" : value;
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String pair(String name, String value) {
        return name + "=" + quote(value);
    }

    /** True if {@code text} reads back as one word without quoting. */
    static boolean isWord(String text) {
        return text != null && WORD.matcher(text).matches();
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
