package org.halyard.scheduler.cluster;

import java.util.Locale;

/** A resource role, ordered as Pacemaker orders them (Unknown lowest, Promoted highest). */
public enum Role {
    UNKNOWN("Unknown"), STOPPED("Stopped"), STARTED("Started"), UNPROMOTED("Unpromoted"),
    PROMOTED("Promoted");

    private final String text;

    Role(String text) {
        this.text = text;
    }

    /** The role as crm_simulate prints it. */
    public String text() {
        return text;
    }

    /** Reads a role name, accepting the legacy Slave/Master names; UNKNOWN for anything else. */
    public static Role parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "stopped" -> STOPPED;
            case "started" -> STARTED;
            case "unpromoted", "slave" -> UNPROMOTED;
            case "promoted", "master" -> PROMOTED;
            default -> UNKNOWN;
        };
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
