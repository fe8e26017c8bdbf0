package org.halyard.daemon.control;

/**
 * One entry of a resource's operation history, as Pacemaker's {@code lrm_rsc_op} records it.
 *
 * @param id          the record's name: {@code rsc_last_0}, {@code rsc_last_failure_0},
 *                    {@code rsc_migrate_to_0} or {@code rsc_monitor_10000} for a recurring monitor
 * @param operation   start, stop, monitor, promote, demote, migrate_to, migrate_from
 * @param intervalMs  0 for one-shot operations and probes
 * @param rc          the OCF exit code
 * @param opStatus    Pacemaker's execution status: 0 done, 3 timed out, 5 error, 7 not installed
 * @param callId      increases with every operation on the node; orders the history
 * @param lastRcChange when the result last changed, seconds since the epoch
 * @param execMs      how long the agent ran
 * @param exitReason  the agent's one-line reason for a failure, if any
 * @param digest      the parameter digest, so a changed definition is noticed
 * @param expectedRc  the result that means success: 8 for a monitor of a promoted instance, 7 for
 *                    a probe, else 0 (Pacemaker keeps it in the transition key and judges rc by it)
 * @param migrateSource for migrate_to and migrate_from: the node the resource left, else null
 * @param migrateTarget for migrate_to and migrate_from: the node it went to, else null
 */
public record OperationRecord(String id, String operation, long intervalMs, int rc, int opStatus, long callId,
        long lastRcChange, long execMs, String exitReason, String digest, int expectedRc, String migrateSource,
        String migrateTarget) {

    /** A record of anything but a migration step. */
    public OperationRecord(String id, String operation, long intervalMs, int rc, int opStatus, long callId,
            long lastRcChange, long execMs, String exitReason, String digest, int expectedRc) {
        this(id, operation, intervalMs, rc, opStatus, callId, lastRcChange, execMs, exitReason, digest, expectedRc,
                null, null);
    }

    /** A record of an operation whose success is rc 0. */
    public OperationRecord(String id, String operation, long intervalMs, int rc, int opStatus, long callId,
            long lastRcChange, long execMs, String exitReason, String digest) {
        this(id, operation, intervalMs, rc, opStatus, callId, lastRcChange, execMs, exitReason, digest, 0);
    }

    public static final int DONE = 0;
    public static final int TIMED_OUT = 3;
    public static final int ERROR = 5;
    public static final int NOT_INSTALLED = 7;

    /** The operation key Pacemaker uses: {@code rsc_monitor_10000}. */
    public String key(String resource) {
        return resource + "_" + operation + "_" + intervalMs;
    }
}
