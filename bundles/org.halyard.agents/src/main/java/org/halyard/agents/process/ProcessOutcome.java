package org.halyard.agents.process;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;

/**
 * How an agent process ended.
 *
 * @param exitCode the exit code if {@link Ending#EXITED}, else -1
 * @param problem  what went wrong if it did not exit by itself (empty otherwise)
 */
public record ProcessOutcome(Ending ending, int exitCode, String stdout, String stderr, Instant started,
        Duration duration, String problem) {

    public enum Ending {
        /** The process exited by itself. */
        EXITED,
        /** The timeout expired; the process group was killed. */
        TIMED_OUT,
        /** The waiting thread was interrupted; the process group was killed. */
        CANCELLED,
        /** The process could not be started at all. */
        FAILED_TO_START
    }

    /** The prefix Pacemaker asks agents to put before their exit reason on stderr ({@code OCF_EXIT_REASON_PREFIX}). */
    public static final String EXIT_REASON_PREFIX = "ocf-exit-reason:";

    /**
     * The operation's result: the exit code mapped by {@code mapping} if the agent exited by itself, otherwise a
     * timeout, cancellation or execution error with the generic error code Pacemaker records for those.
     */
    public OperationResult toResult(Operation operation, IntFunction<OcfResult> mapping) {
        return switch (ending) {
            case EXITED -> new OperationResult(operation, ExecStatus.DONE, mapping.apply(exitCode), exitCode,
                    exitReason(), stdout, stderr, started, duration);
            case TIMED_OUT -> new OperationResult(operation, ExecStatus.TIMEOUT, OcfResult.ERR_GENERIC, -1, problem,
                    stdout, stderr, started, duration);
            case CANCELLED -> new OperationResult(operation, ExecStatus.CANCELLED, OcfResult.ERR_GENERIC, -1, problem,
                    stdout, stderr, started, duration);
            case FAILED_TO_START -> new OperationResult(operation, ExecStatus.ERROR, OcfResult.ERR_GENERIC, -1,
                    problem, stdout, stderr, started, duration);
        };
    }

    /** The last {@code ocf-exit-reason:} line an agent wrote to stderr, without the prefix. */
    public String exitReason() {
        String reason = "";
        for (String line : stderr.split("\n")) {
            int at = line.indexOf(EXIT_REASON_PREFIX);
            if (at >= 0) {
                reason = line.substring(at + EXIT_REASON_PREFIX.length()).trim();
            }
        }
        return reason;
    }
}
