package org.halyard.scheduler.actions;

import java.util.ArrayList;
import java.util.List;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * An action of one scheduler run (start, stop, a group's running pseudo-action, a fencing)
 * with the flags ordering propagation works on. Mutated only by the run's action table and
 * ordering propagation.
 */
public final class Action {

    private final int id;
    private final ScheduledResource rsc;
    private final String task;
    String node;
    boolean optional;
    boolean runnable = true;
    boolean pseudo;
    boolean printAlways;
    /** Part of a live migration that can still happen (Pacemaker's pe_action_migrate_runnable). */
    boolean migrateRunnable;
    /**
     * For a one-or-more pseudo-action: runnable while at least this many of the actions
     * ordered before it (one-or-more) are; 0 for any other action.
     */
    int requiredBefore;
    String reason;
    final List<OrderEdge> before = new ArrayList<>();
    final List<OrderEdge> after = new ArrayList<>();

    Action(int id, ScheduledResource rsc, String task, String node, boolean optional) {
        this.id = id;
        this.rsc = rsc;
        this.task = task;
        this.node = node;
        this.optional = optional;
    }

    public int id() {
        return id;
    }

    public ScheduledResource rsc() {
        return rsc;
    }

    public String task() {
        return task;
    }

    public String node() {
        return node;
    }

    public boolean optional() {
        return optional;
    }

    public boolean runnable() {
        return runnable;
    }

    public boolean pseudo() {
        return pseudo;
    }

    public boolean migrateRunnable() {
        return migrateRunnable;
    }

    public String reason() {
        return reason;
    }

    /** The operation key, e.g. {@code rsc1_start_0}. */
    public String key() {
        return (rsc == null ? "" : rsc.id() + "_") + task + "_0";
    }

    /** Sets the reason unless one is set, or always when overwrite. */
    public void setReason(String text, boolean overwrite) {
        if (reason == null || overwrite) {
            reason = text;
        }
    }

    /** Marks a collective's stop as not preventing the migration of what is ordered with it. */
    public void allowMigration() {
        migrateRunnable = true;
    }

    public void clearRunnable() {
        runnable = false;
    }

    public void require() {
        optional = false;
    }

    /**
     * A stop on a node being fenced: done by the fencing, so it cannot fail. It stays optional:
     * the fencing alone does not make a resource that stays elsewhere restart.
     */
    public void impliedByFencing() {
        runnable = true;
        pseudo = true;
    }

    public List<OrderEdge> before() {
        return before;
    }

    @Override
    public String toString() {
        return key() + (node == null ? "" : " on " + node) + (optional ? " optional" : "")
                + (runnable ? "" : " unrunnable");
    }
}
