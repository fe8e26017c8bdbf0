package org.halyard.cib.model;

import java.util.Locale;
import java.util.Optional;

/** Pacemaker's reading of attribute values that are not plain strings. */
public final class CibValues {

    private CibValues() {
    }

    /**
     * Pacemaker's boolean ({@code crm_str_to_boolean}): true/on/yes/y/1 and false/off/no/n/0,
     * case-insensitive. Empty for null or anything else.
     */
    public static Optional<Boolean> parseBoolean(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "y", "1" -> Optional.of(Boolean.TRUE);
            case "false", "off", "no", "n", "0" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** Pacemaker's {@code crm_is_true}: only a recognised true value is true. */
    public static boolean isTrue(String value) {
        return parseBoolean(value).orElse(Boolean.FALSE);
    }
}
