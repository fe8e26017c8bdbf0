package org.halyard.crmsh.syntax;

import java.util.List;

/** How messages quote what was written: in double quotes, long words shortened. */
public final class Words {

    private static final int MAX = 48;

    private Words() {
    }

    /**
     * {@code "word"}, or {@code "first part..."} for a long one; in single quotes when the word
     * holds a double quote, so the quoting stays readable.
     */
    public static String shorten(String word) {
        String shown = word.length() <= MAX ? word : word.substring(0, MAX - 3) + "...";
        return shown.contains("\"") && !shown.contains("'") ? "'" + shown + "'"
                : "\"" + shown + "\"";
    }

    /** The tokens as written, space separated and shortened: the context of a message. */
    public static String context(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        for (Token token : tokens) {
            text.append(text.isEmpty() ? "" : " ").append(token.raw());
        }
        String joined = text.toString();
        if (joined.length() > 60) {
            joined = "..." + joined.substring(joined.length() - 57);
        }
        return joined.contains("\"") && !joined.contains("'") ? "'" + joined + "'"
                : "\"" + joined + "\"";
    }
}
