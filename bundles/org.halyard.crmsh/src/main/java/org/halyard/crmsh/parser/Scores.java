package org.halyard.crmsh.parser;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Scores, roles and actions as the crm shell reads and writes them. */
final class Scores {

    /** crm's score syntax: [+-] then inf, infinity (any case as crm allows) or digits. */
    private static final Pattern SCORE = Pattern.compile("[+-]?(inf(inity)?|INF(INITY)?|[0-9]+)");
    private static final Pattern INF = Pattern.compile("inf(inity)?|INF(INITY)?");
    private static final Pattern SCORE_ATTRIBUTE = Pattern.compile("[A-Za-z_#][A-Za-z0-9_.#-]*");

    static final List<String> ROLES = List.of("Stopped", "Started", "Master", "Slave", "Promoted",
            "Unpromoted");
    static final List<String> ACTIONS = List.of("start", "promote", "demote", "stop");
    static final List<String> ORDER_KINDS = List.of("Mandatory", "Optional", "Serialize");

    static final String EXPECTED_SCORE = "a score (INFINITY, -inf, 100...) followed by \":\"";

    private Scores() {
    }

    /** A token of the form {@code <something>:}: its part before the colon, or null. */
    static String scorePart(String token) {
        return token.length() > 1 && token.endsWith(":") && token.indexOf(':') == token.length() - 1
                ? token.substring(0, token.length() - 1) : null;
    }

    /** The score as crm writes it into the CIB ({@code inf} → INFINITY, sign kept), or null. */
    static String numeric(String score) {
        if (score == null || !SCORE.matcher(score).matches()) {
            return null;
        }
        return INF.matcher(score).replaceAll("INFINITY");
    }

    /** crm's symbolic scores: advisory is 0, mandatory is INFINITY. */
    static String symbolic(String score) {
        return switch (score.toLowerCase(Locale.ROOT)) {
            case "mandatory" -> "INFINITY";
            case "advisory" -> "0";
            default -> null;
        };
    }

    static boolean isScoreAttribute(String text) {
        return SCORE_ATTRIBUTE.matcher(text).matches();
    }

    /** The canonical spelling of a role (crm accepts any case), or null if it is none. */
    static String role(String text) {
        return canonical(text, ROLES);
    }

    static String action(String text) {
        return canonical(text, ACTIONS);
    }

    static String orderKind(String text) {
        return canonical(text, ORDER_KINDS);
    }

    private static String canonical(String text, List<String> known) {
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(text)) {
                return candidate;
            }
        }
        return null;
    }

    /** crm's booleans, written back as true or false. */
    static String bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> "true";
            case "false", "no", "off" -> "false";
            default -> null;
        };
    }
}
