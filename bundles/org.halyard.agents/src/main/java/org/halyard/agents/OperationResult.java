package org.halyard.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What came of an {@link Operation}.
 *
 * @param status     whether the agent ran to completion; {@link #rc} is the agent's answer only when
 *                   {@link ExecStatus#DONE}, otherwise the result Pacemaker records for that failure
 * @param rc         the OCF result (LSB, systemd and fence answers are mapped to it)
 * @param exitCode   the agent's raw exit code, -1 if it did not exit by itself
 * @param exitReason the agent's {@code ocf-exit-reason:} message, or an explanation from the executor; may be empty
 * @param stdout     the agent's standard output (its last part if it was very long)
 * @param stderr     the agent's standard error (its last part if it was very long)
 */
public record OperationResult(Operation operation, ExecStatus status, OcfResult rc, int exitCode, String exitReason,
        String stdout, String stderr, Instant started, Duration duration) {

    public OperationResult {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rc, "rc");
        exitReason = Objects.requireNonNullElse(exitReason, "");
        stdout = Objects.requireNonNullElse(stdout, "");
        stderr = Objects.requireNonNullElse(stderr, "");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
    }

    /** A result for an operation that never produced an agent answer (not installed, not executable, ...). */
    public static OperationResult failed(Operation operation, ExecStatus status, OcfResult rc, String reason,
            Instant started) {
        return new OperationResult(operation, status, rc, -1, reason, "", "", started,
                Duration.between(started, Instant.now()));
    }

    /**
     * True if the agent ran and gave a valid answer for its action: {@code OK} for most actions; for monitors
     * and status checks also "not running", "running promoted" and the degraded answers, which describe the
     * resource rather than a failure of the check.
     */
    public boolean succeeded() {
        if (status != ExecStatus.DONE) {
            return false;
        }
        if (operation.isStatusCheck()) {
            return rc == OcfResult.NOT_RUNNING || rc.isRunning();
        }
        return rc == OcfResult.OK;
    }

    /** True if the agent ran and answered exactly {@code expected} (e.g. {@code RUNNING_PROMOTED} after a promote). */
    public boolean succeeded(OcfResult expected) {
        return status == ExecStatus.DONE && rc == expected;
    }

    /** Standard output and standard error together, for logs and messages. */
    public String output() {
        if (stderr.isEmpty()) {
            return stdout;
        }
        if (stdout.isEmpty()) {
            return stderr;
        }
        return stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
    }

    /** One line for logs and messages: {@code Dummy start (ocf:heartbeat:Dummy): DONE rc=OK(0) in 12 ms}. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        line.append(operation.resourceId()).append(' ').append(operation.action());
        if (!operation.interval().isZero()) {
            line.append(" interval=").append(operation.interval().toMillis()).append("ms");
        }
        line.append(" (").append(operation.agent()).append("): ").append(status).append(" rc=").append(rc);
        if (exitCode >= 0 && exitCode != rc.code()) {
            line.append(" exit=").append(exitCode);
        }
        line.append(" in ").append(duration.toMillis()).append(" ms");
        if (!exitReason.isEmpty()) {
            line.append(": ").append(exitReason);
        }
        return line.toString();
    }
}
