package org.halyard.scheduler.history;

import java.util.List;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.resource.OnFail;
import org.halyard.scheduler.resource.OperationConfig;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * The failure-timeout applied to one resource's history on one node (Pacemaker's
 * check_operation_expiry): a result older than the timeout has expired, and its fail count is
 * cleared when no unexpired failure remains. A failure of an operation with on-fail=block
 * disregards the timeout.
 */
final class FailureExpiry {

    private final ScheduledResource rsc;
    private final ClusterNode node;
    private final long now;

    /** @param now the effective time, epoch seconds */
    FailureExpiry(ScheduledResource rsc, ClusterNode node, long now, List<OperationRecord> ops) {
        this.rsc = rsc;
        this.node = node;
        this.now = now;
        if (FailCounts.raw(FailCounts.name(rsc), node) > 0 && FailCounts.timeoutSeconds(rsc) > 0
                && ops.stream().anyMatch(this::blockingFailure)) {
            rsc.failureTimeoutDisabled = true;
        }
    }

    /** Whether this result has expired; may schedule the fail count's clearing. */
    boolean expired(OperationRecord op) {
        if (op.status() == OperationRecord.NOT_INSTALLED) {
            return false;
        }
        long timeout = FailCounts.timeoutSeconds(rsc);
        boolean expired = false;
        int unexpired = 0;
        if (timeout > 0 && op.lastRcChange() >= 0) {
            expired = now >= op.lastRcChange() + timeout;
            unexpired = FailCounts.effective(rsc, node, now);
        }
        if (expired && FailCounts.raw(FailCounts.name(rsc), node) > 0) {
            if (unexpired == 0) {
                rsc.failCountCleared.add(node.uname());
            } else {
                expired = false; // an old result, but the resource failed since
            }
        }
        if (expired && op.isProbe()) {
            // Probes that found the resource in a known state never expire
            expired = switch (op.rc()) {
                case 0, 7, 8, 190, 191 -> false;
                default -> true;
            };
        }
        return expired;
    }

    /** A recorded failure of an operation configured with on-fail=block. */
    private boolean blockingFailure(OperationRecord op) {
        for (OperationConfig config : rsc.config().operations()) {
            if (config.onFail() != OnFail.BLOCK || config.intervalMs() != op.intervalMs()
                    || !config.name().equalsIgnoreCase(op.task())) {
                continue;
            }
            String id = op.id() == null ? "" : op.id();
            if (id.equalsIgnoreCase(rsc.id() + "_last_failure_0")
                    || id.equalsIgnoreCase(rsc.id() + "_" + config.name() + "_" + op.intervalMs())
                            && op.rc() != op.targetRc()) {
                return true;
            }
        }
        return false;
    }
}
