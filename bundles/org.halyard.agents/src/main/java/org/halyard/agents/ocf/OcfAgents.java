package org.halyard.agents.ocf;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.halyard.agents.AgentException;
import org.halyard.agents.AgentType;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.agents.Standard;
import org.halyard.agents.process.AgentFiles;
import org.halyard.agents.process.AgentProcess;
import org.halyard.agents.process.ProcessOutcome;

/**
 * Runs OCF resource agents ({@code $OCF_ROOT/resource.d/<provider>/<type> <action>}) with the environment the OCF
 * resource agent API 1.1 and Pacemaker define: {@code OCF_ROOT}, {@code OCF_RESOURCE_INSTANCE},
 * {@code OCF_RESKEY_<param>} and {@code OCF_RESKEY_CRM_meta_<meta>}. The exit code is the OCF result.
 */
public final class OcfAgents {

    /** OCF resource agent API version this executor implements. */
    public static final String API_MAJOR = "1";
    public static final String API_MINOR = "1";

    private static final String RESKEY = "OCF_RESKEY_";
    private static final String META = RESKEY + "CRM_meta_";

    private final Path ocfRoot;
    private final AgentProcess process;
    private final Map<String, String> baseEnvironment;

    /**
     * @param baseEnvironment variables every agent gets ({@code PATH}, {@code HA_*} overrides, ...); the OCF
     *                        variables of the operation are added to (and win over) these
     */
    public OcfAgents(Path ocfRoot, AgentProcess process, Map<String, String> baseEnvironment) {
        this.ocfRoot = ocfRoot;
        this.process = process;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    public Path agentPath(AgentType agent) {
        if (agent.standard() != Standard.OCF) {
            throw new AgentException(agent + " is not an OCF agent");
        }
        return ocfRoot.resolve("resource.d").resolve(agent.provider()).resolve(agent.type());
    }

    public OperationResult run(Operation operation) {
        Path program = agentPath(operation.agent());
        return AgentFiles.unusable(operation, program).orElseGet(() -> {
            ProcessOutcome outcome = process.run(new AgentProcess.Request(operation.description(),
                    List.of(program.toString(), operation.action()), environment(operation), null,
                    operation.timeout()));
            return outcome.toResult(operation, OcfResult::fromCode);
        });
    }

    /** The complete environment of the agent for this operation. */
    public Map<String, String> environment(Operation operation) {
        Map<String, String> env = new HashMap<>(baseEnvironment);
        AgentType agent = operation.agent();
        env.put("OCF_ROOT", ocfRoot.toString());
        env.put("OCF_RA_VERSION_MAJOR", API_MAJOR);
        env.put("OCF_RA_VERSION_MINOR", API_MINOR);
        env.put("OCF_RESOURCE_INSTANCE", operation.resourceId());
        env.put("OCF_RESOURCE_TYPE", agent.type());
        env.put("OCF_RESOURCE_PROVIDER", agent.provider());
        env.put("OCF_EXIT_REASON_PREFIX", ProcessOutcome.EXIT_REASON_PREFIX);
        operation.params().forEach((name, value) -> env.put(RESKEY + name, value));
        String checkLevel = operation.params().get("OCF_CHECK_LEVEL");
        if (checkLevel != null) {
            env.put("OCF_CHECK_LEVEL", checkLevel);
        }
        operation.meta().forEach((name, value) -> env.put(META + name.replace('-', '_'), value));
        // what Pacemaker always passes about the operation itself, in milliseconds
        env.put(META + "name", operation.action());
        env.put(META + "interval", Long.toString(operation.interval().toMillis()));
        env.put(META + "timeout", Long.toString(operation.timeout().toMillis()));
        return env;
    }
}
