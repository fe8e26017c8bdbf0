package org.halyard.scheduler.resource;

/** What to do when an operation fails (on-fail), ordered by severity as Pacemaker does. */
public enum OnFail {
    IGNORE, DEMOTE, RECOVER, RESTART_CONTAINER, RESET_REMOTE, MIGRATE, BLOCK, STOP, STANDBY,
    FENCE;

    /** Reads an on-fail value; null when absent or unknown. */
    public static OnFail parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "ignore" -> IGNORE;
            case "demote" -> DEMOTE;
            case "restart" -> RECOVER;
            case "restart-container" -> RESTART_CONTAINER;
            case "stop" -> STOP;
            case "block" -> BLOCK;
            case "standby" -> STANDBY;
            case "fence" -> FENCE;
            default -> null;
        };
    }
}
