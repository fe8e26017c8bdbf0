package org.halyard.scheduler.cluster;

/** What the cluster does with resources when the partition has no quorum. */
public enum NoQuorumPolicy {
    STOP, FREEZE, IGNORE, DEMOTE, SUICIDE;

    /** Reads no-quorum-policy; anything unknown means stop, Pacemaker's default. */
    public static NoQuorumPolicy parse(String value) {
        if (value == null) {
            return STOP;
        }
        return switch (value) {
            case "freeze" -> FREEZE;
            case "ignore" -> IGNORE;
            case "demote" -> DEMOTE;
            case "suicide" -> SUICIDE;
            default -> STOP;
        };
    }
}
