package org.halyard.agents.lsb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.halyard.agents.AgentException;
import org.halyard.agents.AgentType;
import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.agents.Standard;
import org.halyard.agents.metadata.ActionDescription;
import org.halyard.agents.metadata.AgentMetadata;
import org.halyard.agents.process.AgentFiles;
import org.halyard.agents.process.AgentProcess;
import org.halyard.agents.process.ProcessOutcome;

/**
 * Runs LSB init scripts ({@code <lsbDir>/<type> <action>}) and maps their exit codes to OCF results the way
 * Pacemaker does: for {@code status} (which {@code monitor} becomes) 0 is running, 1-3 not running, 4 unknown;
 * other actions share the codes 0-7 with OCF and anything else is a generic error.
 */
public final class LsbAgents {

    /** What an init script understands; the other OCF actions are not implemented by LSB scripts. */
    private static final Set<String> ACTIONS = Set.of(Operation.START, Operation.STOP, Operation.STATUS, "restart",
            "force-reload", Operation.RELOAD);
    private static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(15);

    private final Path lsbDir;
    private final AgentProcess process;
    private final Map<String, String> baseEnvironment;

    public LsbAgents(Path lsbDir, AgentProcess process, Map<String, String> baseEnvironment) {
        this.lsbDir = lsbDir;
        this.process = process;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    public Path scriptPath(AgentType agent) {
        if (agent.standard() != Standard.LSB && agent.standard() != Standard.SERVICE) {
            throw new AgentException(agent + " is not an LSB init script");
        }
        return lsbDir.resolve(agent.type());
    }

    public boolean exists(AgentType agent) {
        return Files.isRegularFile(scriptPath(agent));
    }

    public OperationResult run(Operation operation) {
        Path script = scriptPath(operation.agent());
        Optional<OperationResult> unusable = AgentFiles.unusable(operation, script);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        if (operation.action().equals(Operation.META_DATA)) {
            return metadataResult(operation, script);
        }
        String action = operation.action().equals(Operation.MONITOR) ? Operation.STATUS : operation.action();
        if (!ACTIONS.contains(action)) {
            return OperationResult.failed(operation, ExecStatus.ERROR, OcfResult.UNIMPLEMENT_FEATURE,
                    "LSB init scripts do not implement " + operation.action(), Instant.now());
        }
        ProcessOutcome outcome = process.run(new AgentProcess.Request(operation.description(),
                List.of(script.toString(), action), baseEnvironment, null, operation.timeout()));
        return outcome.toResult(operation, exitCode -> toOcf(action, exitCode));
    }

    /** Pacemaker's mapping of init script exit codes. */
    public static OcfResult toOcf(String lsbAction, int exitCode) {
        if (!lsbAction.equals(Operation.STATUS)) {
            return exitCode >= 0 && exitCode <= OcfResult.NOT_RUNNING.code() ? OcfResult.fromCode(exitCode)
                    : OcfResult.ERR_GENERIC;
        }
        return switch (exitCode) {
            case 0 -> OcfResult.OK;
            case 1, 2, 3 -> OcfResult.NOT_RUNNING; // dead with pid file, dead with lock file, stopped
            case 150 -> OcfResult.ERR_INSTALLED; // Pacemaker's application-reserved "not installed"
            case 151 -> OcfResult.ERR_PERM; // and "insufficient privileges"
            default -> OcfResult.ERR_GENERIC; // 4: status unknown
        };
    }

    /** Init scripts have no meta-data action: it is made from their LSB header, as Pacemaker does. */
    private OperationResult metadataResult(Operation operation, Path script) {
        Instant started = Instant.now();
        String text;
        try {
            text = Files.readString(script, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return OperationResult.failed(operation, ExecStatus.ERROR, OcfResult.ERR_GENERIC,
                    "cannot read " + script + ": " + e.getMessage(), started);
        }
        LsbHeader header = LsbHeader.parse(text);
        String name = operation.agent().type();
        List<ActionDescription> actions = new ArrayList<>();
        for (String action : List.of("meta-data", "start", "stop", "status", "restart", "force-reload")) {
            actions.add(new ActionDescription(action, Optional.of(DEFAULT_ACTION_TIMEOUT), Duration.ZERO, "", 0));
        }
        actions.add(new ActionDescription(Operation.MONITOR, Optional.of(DEFAULT_ACTION_TIMEOUT),
                DEFAULT_ACTION_TIMEOUT, "", 0));
        String shortdesc = header.shortDescription().orElse(name);
        String longdesc = header.description().orElse("LSB init script " + script);
        AgentMetadata metadata = new AgentMetadata(operation.agent().toString(), name, "1.0", "1.1", shortdesc,
                longdesc, List.of(), actions);
        return new OperationResult(operation, ExecStatus.DONE, OcfResult.OK, 0, "", metadata.toXml(), "", started,
                Duration.between(started, Instant.now()));
    }
}
