package org.halyard.scheduler.history;

import org.halyard.cib.model.status.OperationHistory;
import org.halyard.scheduler.resource.Durations;

/**
 * One recorded operation result, parsed.
 *
 * @param targetRc the result the controller expected (from the transition key), -1 if unknown
 * @param status   the execution status (op-status): -1 pending, 0 done, 4 error, ...
 * @param id       the history entry's id (e.g. {@code rsc_last_failure_0})
 * @param lastRcChange when the result last changed (epoch seconds), -1 if not recorded
 */
public record OperationRecord(String key, String task, long intervalMs, int callId, int rc,
        int status, int targetRc, String id, long lastRcChange) {

    static final int PENDING = -1;
    static final int DONE = 0;
    static final int CANCELLED = 1;
    static final int ERROR = 4;
    static final int ERROR_HARD = 5;
    static final int ERROR_FATAL = 6;
    static final int NOT_INSTALLED = 7;

    public static OperationRecord of(OperationHistory op) {
        long interval = parseLong(op.getInterval(), 0);
        if (op.getInterval() != null && !op.getInterval().matches("[0-9]+")) {
            interval = Durations.toMillis(op.getInterval());
        }
        String key = op.getOperationKey() != null ? op.getOperationKey() : op.getId();
        return new OperationRecord(key, op.getOperation(), interval,
                (int) parseLong(op.getCallId(), -1), (int) parseLong(op.getRcCode(), 0),
                (int) parseLong(op.getOpStatus(), 0), targetRc(op.getTransitionKey()), op.getId(),
                parseLong(op.getLastRcChange(), -1));
    }

    boolean isProbe() {
        return "monitor".equals(task) && intervalMs == 0;
    }

    /** A probe result that only says the agent cannot run here (masked to "not running"). */
    boolean isMaskableProbeFailure() {
        return isProbe() && (rc == 5 || rc == 2 || status == NOT_INSTALLED);
    }

    private static int targetRc(String transitionKey) {
        if (transitionKey == null) {
            return -1;
        }
        String[] parts = transitionKey.split(":");
        return parts.length >= 4 ? (int) parseLong(parts[2], -1) : -1;
    }

    private static long parseLong(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
