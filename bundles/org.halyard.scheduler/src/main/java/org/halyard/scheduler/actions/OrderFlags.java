package org.halyard.scheduler.actions;

/** Ordering flags (Pacemaker's enum pe_ordering), as bits. */
public final class OrderFlags {

    public static final int NONE = 0;
    public static final int OPTIONAL = 1;
    public static final int IMPLIES_THEN = 1 << 4;
    public static final int IMPLIES_FIRST = 1 << 5;
    public static final int RUNNABLE_LEFT = 1 << 6;
    public static final int PSEUDO_LEFT = 1 << 7;
    public static final int IMPLIES_THEN_PRINTED = 1 << 8;
    public static final int IMPLIES_FIRST_PRINTED = 1 << 9;
    public static final int RESTART = 1 << 10;
    public static final int SAME_NODE = 1 << 11;
    public static final int ASYMMETRICAL = 1 << 12;
    public static final int SERIALIZE_ONLY = 1 << 13;
    public static final int PROMOTED_IMPLIES_FIRST = 1 << 14;
    public static final int ANTI_COLOCATION = 1 << 15;
    /** "then" (a requires-any pseudo-action) is runnable if any of its "firsts" is. */
    public static final int ONE_OR_MORE = 1 << 16;
    /** "first" becomes unrunnable unless "then" is runnable and can still migrate. */
    public static final int IMPLIES_FIRST_MIGRATABLE = 1 << 17;
    /** The ordering counts only if "first" is not part of a live migration. */
    public static final int APPLY_FIRST_NON_MIGRATABLE = 1 << 18;
    /**
     * A capacity ordering through a node's load_stopped pseudo-action: it only holds between
     * actions on that node and never changes whether an action is needed or can run.
     */
    public static final int LOAD = 1 << 21;

    private OrderFlags() {
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
