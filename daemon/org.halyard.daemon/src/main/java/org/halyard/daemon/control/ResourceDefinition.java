package org.halyard.daemon.control;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.halyard.agents.AgentType;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.scheduler.resource.Durations;
import org.halyard.scheduler.rules.ResourceParameters;

/**
 * A primitive as the executor needs it: the agent, its parameters and meta-attributes as they
 * apply on this node, and the configured operations. Clone instances ({@code rsc:2}) resolve to
 * their primitive.
 */
public record ResourceDefinition(String instance, AgentResource primitive, List<Resource> lineage, AgentType agent,
        Map<String, String> params, Map<String, String> meta, Map<String, String> opDefaults) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** The definition of {@code instance} in the CIB, or empty when it is not configured (any more). */
    public static Optional<ResourceDefinition> find(Cib cib, String instance, String node) {
        String base = baseId(instance);
        Configuration config = cib.configuration().orElse(null);
        if (config == null) {
            return Optional.empty();
        }
        List<Resource> top = config.resources().map(Resources::resources).orElse(List.of());
        List<Resource> lineage = new ArrayList<>();
        if (!findLineage(top, base, lineage) || !(lineage.get(0) instanceof AgentResource primitive)
                || primitive.getAgentClass() == null) {
            return Optional.empty();
        }
        Map<String, String> nodeAttributes = Map.of("#uname", node);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        Map<String, String> params = ResourceParameters.of(lineage, nodeAttributes, now);
        Map<String, String> meta = new HashMap<>();
        for (Resource rsc : lineage) {
            ResourceParameters.evaluate(rsc.metaAttributes(), nodeAttributes, now, meta);
        }
        config.resourceDefaults().ifPresent(d -> ResourceParameters.evaluate(d.metaAttributes(), nodeAttributes, now,
                meta));
        Map<String, String> opDefaults = new HashMap<>();
        config.operationDefaults().ifPresent(d -> ResourceParameters.evaluate(d.metaAttributes(), nodeAttributes, now,
                opDefaults));
        AgentType agent = AgentType.parse(primitive.agent());
        return Optional.of(new ResourceDefinition(instance, primitive, List.copyOf(lineage), agent, params,
                meta, opDefaults));
    }

    /** {@code rsc:2} names instance 2 of clone child {@code rsc}. */
    public static String baseId(String instance) {
        int colon = instance.lastIndexOf(':');
        return colon > 0 && instance.substring(colon + 1).matches("[0-9]+") ? instance.substring(0, colon) : instance;
    }

    /** Fills lineage with the resource first, then its parents outward; false if not found. */
    private static boolean findLineage(List<Resource> resources, String id, List<Resource> lineage) {
        for (Resource rsc : resources) {
            if (id.equals(rsc.getId())) {
                lineage.add(rsc);
                return true;
            }
            if (findLineage(rsc.members(), id, lineage)) {
                lineage.add(rsc);
                return true;
            }
        }
        return false;
    }

    /** True for an anonymous clone's instance, whose history Pacemaker keeps under the base id. */
    public boolean anonymousClone() {
        return lineage.stream().anyMatch(r -> r instanceof Clone)
                && !"true".equalsIgnoreCase(meta.getOrDefault("globally-unique", "false"));
    }

    /** The id the history records: the instance, or the base id for an anonymous clone. */
    public String historyId() {
        return anonymousClone() ? primitive.getId() : instance;
    }

    /** The configured operation {@code name} (with {@code intervalMs}, and role if given). */
    public Optional<Operation> operation(String name, long intervalMs, String role) {
        for (Operation op : primitive.operationList()) {
            if (name.equals(op.getName()) && interval(op) == intervalMs
                    && (role == null || op.getRole() == null || sameRole(role, op.getRole()))) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The recurring monitors that apply in a role (Started, Promoted, Unpromoted). */
    public List<Operation> recurringMonitors(String role) {
        List<Operation> found = new ArrayList<>();
        for (Operation op : primitive.operationList()) {
            if ("monitor".equals(op.getName()) && interval(op) > 0 && !"false".equals(op.getEnabled())
                    && (op.getRole() == null ? !"Promoted".equals(role) || !hasPromotedMonitor()
                            : sameRole(role, op.getRole()))) {
                found.add(op);
            }
        }
        return found;
    }

    private boolean hasPromotedMonitor() {
        return primitive.operationList().stream().anyMatch(op -> "monitor".equals(op.getName())
                && op.getRole() != null && sameRole("Promoted", op.getRole()));
    }

    private static boolean sameRole(String a, String b) {
        return normalizeRole(a).equals(normalizeRole(b));
    }

    private static String normalizeRole(String role) {
        return switch (role) {
            case "Master" -> "Promoted";
            case "Slave", "Started" -> "Unpromoted";
            default -> role;
        };
    }

    public static long interval(Operation op) {
        String interval = op.getInterval();
        long ms = interval == null ? 0 : Durations.toMillis(interval);
        return Math.max(ms, 0);
    }

    /** The timeout of an operation: its own, op_defaults', or 20 s. */
    public Duration timeout(String name, long intervalMs) {
        String configured = operation(name, intervalMs, null).map(Operation::getTimeout)
                .orElse(opDefaults.get("timeout"));
        long ms = configured == null ? -1 : Durations.toMillis(configured);
        return ms > 0 ? Duration.ofMillis(ms) : DEFAULT_TIMEOUT;
    }

    /** The meta-attributes an agent sees as {@code CRM_meta_*}, plus the operation's own. */
    public Map<String, String> agentMeta(String name, long intervalMs, Duration timeout) {
        Map<String, String> crmMeta = new LinkedHashMap<>();
        for (String key : List.of("clone-max", "clone-node-max", "promoted-max", "promoted-node-max", "notify",
                "globally-unique")) {
            if (meta.containsKey(key)) {
                crmMeta.put(key, meta.get(key));
            }
        }
        crmMeta.put("name", name);
        crmMeta.put("interval", Long.toString(intervalMs));
        crmMeta.put("timeout", Long.toString(timeout.toMillis()));
        if (!instance.equals(baseId(instance))) {
            crmMeta.put("clone", instance.substring(instance.lastIndexOf(':') + 1));
        }
        return crmMeta;
    }
}
