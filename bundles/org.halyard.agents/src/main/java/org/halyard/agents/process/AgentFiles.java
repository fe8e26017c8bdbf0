package org.halyard.agents.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;

/** Checks that an agent's program exists and may be run, with results that name the path. */
public final class AgentFiles {

    private AgentFiles() {
    }

    /**
     * The result for an agent program that cannot be run: {@link ExecStatus#NOT_INSTALLED} if it does not exist,
     * {@link ExecStatus#ERROR} with {@link OcfResult#ERR_PERM} if it is not an executable file; empty if usable.
     */
    public static Optional<OperationResult> unusable(Operation operation, Path program) {
        Instant now = Instant.now();
        if (!Files.exists(program)) {
            return Optional.of(OperationResult.failed(operation, ExecStatus.NOT_INSTALLED, OcfResult.ERR_INSTALLED,
                    "agent " + operation.agent() + " is not installed: " + program + " does not exist", now));
        }
        if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
            return Optional.of(OperationResult.failed(operation, ExecStatus.ERROR, OcfResult.ERR_PERM,
                    "agent " + operation.agent() + " cannot be run: " + program + " is not an executable file", now));
        }
        return Optional.empty();
    }
}
