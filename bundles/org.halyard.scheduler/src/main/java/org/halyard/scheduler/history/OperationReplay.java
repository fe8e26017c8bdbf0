package org.halyard.scheduler.history;

import java.util.function.BiConsumer;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.OnFail;
import org.halyard.scheduler.resource.OperationConfig;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * Replays one resource's operation history on one node, in call order, to find its role there
 * and the worst failure handling it needs (Pacemaker's unpack_rsc_op and friends).
 */
final class OperationReplay {

    private final ScheduledResource rsc;
    private final ClusterNode node;
    private final boolean stonithEnabled;
    private final BiConsumer<String, Integer> banOnNode;
    private final Runnable banEverywhere;
    Role role = Role.UNKNOWN;
    OnFail onFail = OnFail.IGNORE;
    private String lastFailureKey;

    OperationReplay(ScheduledResource rsc, ClusterNode node, boolean stonithEnabled,
            BiConsumer<String, Integer> banOnNode, Runnable banEverywhere) {
        this.rsc = rsc;
        this.node = node;
        this.stonithEnabled = stonithEnabled;
        this.banOnNode = banOnNode;
        this.banEverywhere = banEverywhere;
    }

    void replay(OperationRecord op) {
        replay(op, false);
    }

    /** @param expired the failure-timeout has passed since this result (it may be ignored) */
    void replay(OperationRecord op, boolean expired) {
        if ("notify".equals(op.task()) || "meta-data".equals(op.task())) {
            return;
        }
        if (op.isMaskableProbeFailure()) {
            if (expired && op.rc() != op.targetRc()) {
                role = role.compareTo(Role.STOPPED) <= 0 ? Role.UNKNOWN : role;
                return;
            }
            update(op, 7);
            banOnNode.accept(node.uname(), -Scores.INFINITY);
            return;
        }
        int[] remapped = remap(op);
        int rc = remapped[0];
        int status = remapped[1];
        if (expired && rc != op.targetRc()
                && (op.intervalMs() == 0 || node.online() && !node.unclean())) {
            return; // an expired failure is ignored (a recurring one is just rescheduled)
        }
        switch (status) {
            case OperationRecord.PENDING -> pending(op);
            case OperationRecord.DONE -> update(op, rc);
            case OperationRecord.CANCELLED -> { }
            case OperationRecord.NOT_INSTALLED -> notInstalled(op, rc);
            default -> failure(op, rc, status);
        }
    }

    private void pending(OperationRecord op) {
        if ("start".equals(op.task())) {
            rsc.startPending = true;
            setActive();
        } else if ("promote".equals(op.task())) {
            role = Role.PROMOTED;
        }
    }

    /** The agent is missing here: never ignorable, the resource must leave the node. */
    private void notInstalled(OperationRecord op, int rc) {
        OnFail strategy = onFailFor(op);
        if (strategy == OnFail.IGNORE) {
            onFail = OnFail.MIGRATE;
        }
        banOnNode.accept(node.uname(), -Scores.INFINITY);
        recordFailure(op, rc, strategy);
    }

    private void failure(OperationRecord op, int rc, int status) {
        OnFail strategy = onFailFor(op);
        boolean containerStop = strategy == OnFail.RESTART_CONTAINER && "stop".equals(op.task());
        if (strategy == OnFail.IGNORE || containerStop) {
            // Pretend it succeeded; a filler's failed stop is fixed by restarting its container
            update(op, op.targetRc());
            rsc.failureIgnored = true;
            if (containerStop && onFail.compareTo(OnFail.RECOVER) <= 0) {
                onFail = OnFail.RESTART_CONTAINER;
            }
            return;
        }
        recordFailure(op, rc, strategy);
        if (status == OperationRecord.ERROR_HARD) {
            banOnNode.accept(node.uname(), -Scores.INFINITY);
        } else if (status == OperationRecord.ERROR_FATAL) {
            banEverywhere.run();
        }
    }

    /** Remaps rc and status using the expected result: returns {rc, status}. */
    private int[] remap(OperationRecord op) {
        int rc = op.rc();
        int status = op.status();
        if ("monitor".equals(op.task())) {
            rc = rc == 190 ? 0 : rc == 191 ? 8 : rc;
        }
        if (status != OperationRecord.DONE && status != OperationRecord.ERROR) {
            return new int[] {rc, status};
        }
        status = op.targetRc() < 0 || op.targetRc() != rc ? OperationRecord.ERROR
                : OperationRecord.DONE;
        boolean probe = op.isProbe();
        switch (rc) {
            case 0 -> status = probe && op.targetRc() == 7 ? OperationRecord.DONE : status;
            case 7 -> {
                if (probe || op.targetRc() == rc || !rsc.managed) {
                    status = OperationRecord.DONE;
                    role = Role.STOPPED;
                    onFail = OnFail.IGNORE;
                    rsc.nextRole = Role.UNKNOWN;
                }
            }
            case 8 -> {
                status = probe && rc != op.targetRc() ? OperationRecord.DONE : status;
                role = Role.PROMOTED;
            }
            case 9, 191 -> {
                role = Role.PROMOTED;
                status = OperationRecord.ERROR;
            }
            case 6 -> status = OperationRecord.ERROR_FATAL;
            case 3 -> status = op.intervalMs() == 0 ? hardError(op) : 3;
            case 5, 2, 4 -> status = hardError(op);
            default -> status = status == OperationRecord.DONE ? OperationRecord.ERROR : status;
        }
        return new int[] {rc, status};
    }

    private int hardError(OperationRecord op) {
        if ("stop".equals(op.task()) && !stonithEnabled) {
            // A failed stop that fencing cannot recover leaves the resource blocked
            rsc.managed = false;
            rsc.blocked = true;
        }
        return OperationRecord.ERROR_HARD;
    }

    private void update(OperationRecord op, int rc) {
        boolean clear = false;
        String task = op.task();
        if (rc == 5 || op.isMaskableProbeFailure()) {
            role = Role.STOPPED;
        } else if (rc == 7) {
            clear = true;
        } else if ("monitor".equals(task)) {
            clear = op.key() != null && op.key().equals(lastFailureKey);
            setActive();
        } else if ("start".equals(task) || "migrate_from".equals(task)) {
            role = Role.STARTED;
            clear = true;
        } else if ("stop".equals(task)) {
            role = Role.STOPPED;
            clear = true;
        } else if ("promote".equals(task)) {
            role = Role.PROMOTED;
            clear = true;
        } else if ("demote".equals(task)) {
            clear = onFail == OnFail.DEMOTE;
            role = Role.UNPROMOTED;
        } else {
            setActive();
        }
        if (clear && switch (onFail) {
            case BLOCK, IGNORE, DEMOTE, RECOVER, RESTART_CONTAINER -> true;
            default -> false;
        }) {
            onFail = OnFail.IGNORE;
            rsc.nextRole = Role.UNKNOWN;
        }
    }

    private void recordFailure(OperationRecord op, int rc, OnFail strategy) {
        lastFailureKey = op.key();
        if (onFail.compareTo(strategy) < 0) {
            onFail = strategy;
        }
        switch (op.task()) {
            case "stop" -> banOnNode.accept(node.uname(), -Scores.INFINITY);
            case "promote" -> role = Role.PROMOTED;
            case "demote" -> role = strategy == OnFail.BLOCK ? Role.PROMOTED
                    : rc == 7 ? Role.STOPPED : Role.UNPROMOTED;
            default -> { }
        }
        if (op.isProbe() && rc == 5) {
            role = Role.STOPPED;
        } else {
            setActive();
        }
        if (strategy == OnFail.STOP) {
            if (rsc.nextRole.compareTo(Role.STOPPED) < 0) {
                rsc.nextRole = Role.STOPPED;
            }
            banEverywhere.run();
        }
    }

    /** Active in an unknown role: an instance of a promotable clone is then Unpromoted. */
    private void setActive() {
        if (role.compareTo(Role.STARTED) < 0) {
            role = rsc.inPromotable() ? Role.UNPROMOTED : Role.STARTED;
        }
    }

    /** The on-fail for a recorded operation: configured, else Pacemaker's default. */
    private OnFail onFailFor(OperationRecord op) {
        String name = op.isProbe() ? "monitor" : op.task();
        for (OperationConfig config : rsc.config().operations()) {
            if (config.name() != null && config.name().equals(name)
                    && config.intervalMs() == op.intervalMs() && config.onFail() != null) {
                OnFail configured = config.onFail();
                boolean validForStop = configured != OnFail.STANDBY
                        && configured != OnFail.DEMOTE && configured != OnFail.STOP;
                boolean validHere = configured != OnFail.RESTART_CONTAINER
                        || rsc.container != null;
                if ((!"stop".equals(name) || validForStop) && validHere
                        && (configured != OnFail.DEMOTE || demotable(config))) {
                    return configured == OnFail.FENCE && !stonithEnabled ? OnFail.BLOCK
                            : configured;
                }
            }
        }
        OnFail promotedMonitor = "demote".equals(name) ? promotedMonitorOnFail() : null;
        if (promotedMonitor != null) {
            return promotedMonitor == OnFail.FENCE && !stonithEnabled ? OnFail.BLOCK
                    : promotedMonitor;
        }
        if (rsc.container != null) {
            return OnFail.RESTART_CONTAINER; // a filler's failure restarts its container
        }
        if ("stop".equals(op.task())) {
            return stonithEnabled ? OnFail.FENCE : OnFail.BLOCK;
        }
        return OnFail.RECOVER;
    }

    /** on-fail=demote is valid only for a promote or a recurring monitor of the Promoted role. */
    private static boolean demotable(OperationConfig config) {
        return "promote".equals(config.name()) || "monitor".equals(config.name())
                && config.role() == Role.PROMOTED && config.intervalMs() > 0;
    }

    /**
     * A demote without its own on-fail fails as the Promoted role's recurring monitor would
     * (other than by demoting), as Pacemaker's unpack_operation_on_fail decides.
     */
    private OnFail promotedMonitorOnFail() {
        for (OperationConfig config : rsc.config().operations()) {
            if ("monitor".equals(config.name()) && config.role() == Role.PROMOTED
                    && config.intervalMs() > 0 && config.enabled() && config.onFail() != null
                    && config.onFail() != OnFail.DEMOTE) {
                return config.onFail();
            }
        }
        return null;
    }
}
