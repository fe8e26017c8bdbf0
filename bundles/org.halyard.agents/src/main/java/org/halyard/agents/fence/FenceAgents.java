package org.halyard.agents.fence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.halyard.agents.AgentException;
import org.halyard.agents.AgentType;
import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.agents.Standard;
import org.halyard.agents.process.AgentFiles;
import org.halyard.agents.process.AgentProcess;
import org.halyard.agents.process.ProcessOutcome;

/**
 * Runs fence agents ({@code <fenceDir>/fence_*}) the way the fencer does: no arguments, and {@code name=value} lines
 * on standard input: the device's parameters (without Pacemaker's own {@code pcmk_*}), then {@code action=},
 * and for an action on a node {@code nodename=} and the plug ({@code port=} unless the device's
 * {@code pcmk_host_argument} names another, {@code none} for no plug; {@code pcmk_host_map} maps nodes to plugs).
 * Exit code 0 is success; for {@code status} 2 means the plug is off ({@link OcfResult#NOT_RUNNING}).
 */
public final class FenceAgents {

    public static final String HOST_ARGUMENT = "pcmk_host_argument";
    public static final String HOST_MAP = "pcmk_host_map";
    private static final String DEFAULT_HOST_ARGUMENT = "port";
    /** Fence agents' exit code for "status: the plug is off". */
    private static final int EXIT_STATUS_OFF = 2;

    private final Path fenceDir;
    private final AgentProcess process;
    private final Map<String, String> baseEnvironment;

    public FenceAgents(Path fenceDir, AgentProcess process, Map<String, String> baseEnvironment) {
        this.fenceDir = fenceDir;
        this.process = process;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    public Path agentPath(AgentType agent) {
        if (agent.standard() != Standard.STONITH) {
            throw new AgentException(agent + " is not a fence agent");
        }
        return fenceDir.resolve(agent.type());
    }

    public OperationResult run(Operation operation) {
        Path program = agentPath(operation.agent());
        Optional<OperationResult> unusable = AgentFiles.unusable(operation, program);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        String action = fenceAction(operation.action());
        String stdin;
        try {
            stdin = stdin(operation);
        } catch (AgentException e) {
            return OperationResult.failed(operation, ExecStatus.ERROR, OcfResult.ERR_CONFIGURED, e.getMessage(),
                    Instant.now());
        }
        ProcessOutcome outcome = process.run(new AgentProcess.Request(operation.description(),
                List.of(program.toString()), baseEnvironment, stdin, operation.timeout()));
        return outcome.toResult(operation, exitCode -> toOcf(action, exitCode));
    }

    /** Fence agents call the OCF {@code meta-data} action {@code metadata}; other names are the same. */
    public static String fenceAction(String action) {
        return action.equals(Operation.META_DATA) ? "metadata" : action;
    }

    public static OcfResult toOcf(String fenceAction, int exitCode) {
        if (exitCode == 0) {
            return OcfResult.OK;
        }
        if (fenceAction.equals(Operation.STATUS) && exitCode == EXIT_STATUS_OFF) {
            return OcfResult.NOT_RUNNING;
        }
        return OcfResult.ERR_GENERIC;
    }

    /**
     * The agent's standard input for this operation.
     *
     * @throws AgentException if a parameter value contains a line break, which would smuggle in another argument
     */
    public static String stdin(Operation operation) {
        StringBuilder lines = new StringBuilder();
        operation.params().forEach((name, value) -> {
            if (!name.startsWith("pcmk_")) {
                line(lines, operation, name, value);
            }
        });
        line(lines, operation, "action", fenceAction(operation.action()));
        if (operation.target() != null) {
            line(lines, operation, "nodename", operation.target());
            String hostArgument = operation.params().getOrDefault(HOST_ARGUMENT, DEFAULT_HOST_ARGUMENT);
            if (!hostArgument.equals("none")) {
                line(lines, operation, hostArgument, plug(operation.params().get(HOST_MAP), operation.target()));
            }
        }
        return lines.toString();
    }

    /**
     * The plug for a node from a {@code pcmk_host_map} such as {@code node1:1;node2:2,3}; the node name itself if
     * the map does not mention it.
     */
    static String plug(String hostMap, String node) {
        if (hostMap != null) {
            for (String entry : hostMap.split("[;\\s]+")) {
                int separator = entry.indexOf(':') >= 0 ? entry.indexOf(':') : entry.indexOf('=');
                if (separator > 0 && entry.substring(0, separator).equals(node)) {
                    return entry.substring(separator + 1);
                }
            }
        }
        return node;
    }

    private static void line(StringBuilder lines, Operation operation, String name, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new AgentException(operation.description() + ": fence device parameter \"" + name
                    + "\" contains a line break, which fence agents cannot receive");
        }
        lines.append(name).append('=').append(value).append('\n');
    }
}
