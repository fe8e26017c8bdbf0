package org.halyard.agents.systemd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.halyard.agents.process.AgentProcess;
import org.halyard.agents.process.ProcessOutcome;

/**
 * Runs systemd units through {@code systemctl}: start, stop, restart and reload wait for their job to finish;
 * monitor and status read the unit's {@code LoadState} and {@code ActiveState}. On a node where systemd is not the
 * running init system ({@code /run/systemd/system} missing) every action except meta-data is "not installed".
 */
public final class SystemdAgents {

    private static final Set<String> JOB_ACTIONS = Set.of(Operation.START, Operation.STOP, "restart",
            Operation.RELOAD);
    private static final Set<String> UNIT_SUFFIXES = Set.of(".service", ".socket", ".mount", ".automount", ".swap",
            ".target", ".path", ".timer", ".slice", ".scope", ".device");
    /** systemctl's exit code for "unit not loaded / not found" (LSB "not installed"). */
    private static final int EXIT_NO_SUCH_UNIT = 5;
    private static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(100);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private final Path systemctl;
    private final Path runtimeDir;
    private final AgentProcess process;
    private final Map<String, String> baseEnvironment;

    public SystemdAgents(Path systemctl, Path runtimeDir, AgentProcess process, Map<String, String> baseEnvironment) {
        this.systemctl = systemctl;
        this.runtimeDir = runtimeDir;
        this.process = process;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    /** True if systemd is this node's running init system (the test sd_booted() makes). */
    public boolean systemdRunning() {
        return Files.isDirectory(runtimeDir);
    }

    /** {@code sshd} becomes {@code sshd.service}; names with a unit suffix stay as they are. */
    public static String unitName(String type) {
        int dot = type.lastIndexOf('.');
        return dot >= 0 && UNIT_SUFFIXES.contains(type.substring(dot)) ? type : type + ".service";
    }

    /** True if systemd runs and knows the unit (for {@code service:} agents, which fall back to LSB). */
    public boolean hasUnit(AgentType agent) {
        if (!systemdRunning() || !Files.isExecutable(systemctl)) {
            return false;
        }
        Operation query = Operation.of(agent.type(), agent, Operation.STATUS).withTimeout(QUERY_TIMEOUT);
        ProcessOutcome outcome = systemctl(query, "show", "--property=LoadState", unitName(agent.type()));
        return outcome.ending() == ProcessOutcome.Ending.EXITED && outcome.exitCode() == 0
                && !properties(outcome.stdout()).getOrDefault("LoadState", "not-found").equals("not-found");
    }

    public OperationResult run(Operation operation) {
        AgentType agent = operation.agent();
        if (agent.standard() != Standard.SYSTEMD && agent.standard() != Standard.SERVICE) {
            throw new AgentException(agent + " is not a systemd unit");
        }
        Instant started = Instant.now();
        String unit = unitName(agent.type());
        if (operation.action().equals(Operation.META_DATA)) {
            return metadataResult(operation, unit, started);
        }
        if (!systemdRunning()) {
            return OperationResult.failed(operation, ExecStatus.NOT_INSTALLED, OcfResult.ERR_INSTALLED,
                    "cannot manage " + unit + ": systemd is not running on this node (" + runtimeDir
                            + " does not exist)", started);
        }
        if (!Files.isExecutable(systemctl)) {
            return OperationResult.failed(operation, ExecStatus.NOT_INSTALLED, OcfResult.ERR_INSTALLED,
                    "cannot manage " + unit + ": " + systemctl + " is not installed", started);
        }
        if (operation.isStatusCheck()) {
            return status(operation, unit);
        }
        if (!JOB_ACTIONS.contains(operation.action())) {
            return OperationResult.failed(operation, ExecStatus.ERROR, OcfResult.UNIMPLEMENT_FEATURE,
                    "systemd units do not implement " + operation.action(), started);
        }
        ProcessOutcome outcome = systemctl(operation, operation.action(), unit);
        return outcome.toResult(operation, exitCode -> switch (exitCode) {
            case 0 -> OcfResult.OK;
            // stopping a unit that does not exist leaves it stopped
            case EXIT_NO_SUCH_UNIT -> operation.action().equals(Operation.STOP) ? OcfResult.OK
                    : OcfResult.ERR_INSTALLED;
            default -> OcfResult.ERR_GENERIC;
        });
    }

    private OperationResult status(Operation operation, String unit) {
        ProcessOutcome outcome = systemctl(operation, "show", "--property=LoadState,ActiveState", unit);
        OperationResult raw = outcome.toResult(operation, exitCode -> exitCode == 0 ? OcfResult.OK
                : OcfResult.ERR_GENERIC);
        if (raw.status() != ExecStatus.DONE || raw.rc() != OcfResult.OK) {
            return raw;
        }
        Map<String, String> properties = properties(outcome.stdout());
        String load = properties.getOrDefault("LoadState", "");
        String active = properties.getOrDefault("ActiveState", "");
        OcfResult rc;
        String reason = "";
        if (load.equals("not-found")) {
            rc = OcfResult.ERR_INSTALLED;
            reason = "unit " + unit + " not found";
        } else {
            switch (active) {
                case "active", "reloading" -> rc = OcfResult.OK;
                case "inactive", "failed" -> rc = OcfResult.NOT_RUNNING;
                default -> {
                    // activating/deactivating: a job is still running, the unit is neither up nor down
                    rc = OcfResult.ERR_GENERIC;
                    reason = "unit " + unit + " is " + (active.isEmpty() ? "in an unknown state" : active);
                }
            }
        }
        return new OperationResult(operation, ExecStatus.DONE, rc, raw.exitCode(), reason, raw.stdout(),
                raw.stderr(), raw.started(), raw.duration());
    }

    private ProcessOutcome systemctl(Operation operation, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(systemctl.toString());
        command.add("--no-ask-password");
        command.addAll(List.of(arguments));
        Map<String, String> env = new HashMap<>(baseEnvironment);
        env.put("SYSTEMD_PAGER", "");
        return process.run(new AgentProcess.Request(operation.description(), command, env, null,
                operation.timeout()));
    }

    private static Map<String, String> properties(String output) {
        Map<String, String> properties = new HashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                properties.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
        return properties;
    }

    private static OperationResult metadataResult(Operation operation, String unit, Instant started) {
        List<ActionDescription> actions = new ArrayList<>();
        for (String action : List.of("start", "stop", "status", "restart", "reload")) {
            actions.add(new ActionDescription(action, Optional.of(DEFAULT_ACTION_TIMEOUT), Duration.ZERO, "", 0));
        }
        actions.add(new ActionDescription(Operation.MONITOR, Optional.of(DEFAULT_ACTION_TIMEOUT),
                Duration.ofSeconds(60), "", 0));
        actions.add(new ActionDescription(Operation.META_DATA, Optional.of(Duration.ofSeconds(5)), Duration.ZERO,
                "", 0));
        AgentMetadata metadata = new AgentMetadata(operation.agent().toString(), operation.agent().type(), "1.0",
                "1.1", "systemd unit " + unit, "Cluster-managed systemd unit " + unit, List.of(), actions);
        return new OperationResult(operation, ExecStatus.DONE, OcfResult.OK, 0, "", metadata.toXml(), "", started,
                Duration.between(started, Instant.now()));
    }
}
