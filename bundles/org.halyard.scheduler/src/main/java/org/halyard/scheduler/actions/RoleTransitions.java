package org.halyard.scheduler.actions;

import org.halyard.scheduler.cluster.Role;

/**
 * How a resource gets from one role to another, one step at a time (Pacemaker's
 * rsc_state_matrix and rsc_action_matrix): the next role on the way, and the action that
 * takes it there.
 */
final class RoleTransitions {

    private static final Role U = Role.UNKNOWN;
    private static final Role S = Role.STOPPED;
    private static final Role T = Role.STARTED;
    private static final Role N = Role.UNPROMOTED;
    private static final Role P = Role.PROMOTED;

    /** [current][target] = the immediate next role. */
    private static final Role[][] NEXT = {
        {U, S, S, S, S},
        {S, S, T, N, N},
        {S, S, T, N, P},
        {S, S, S, N, P},
        {S, N, N, N, P},
    };

    /** [current][next] = the action, or "" when none is needed or possible. */
    private static final String[][] TASK = {
        {"", "stop", "", "", ""},
        {"", "", "start", "start", ""},
        {"", "stop", "", "", "promote"},
        {"", "stop", "stop", "", "promote"},
        {"", "demote", "demote", "demote", ""},
    };

    private RoleTransitions() {
    }

    static Role next(Role current, Role target) {
        return NEXT[current.ordinal()][target.ordinal()];
    }

    static String task(Role from, Role to) {
        return TASK[from.ordinal()][to.ordinal()];
    }
}
