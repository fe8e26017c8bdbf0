package org.halyard.scheduler.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.OperationDefaults;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.status.Lrm;
import org.halyard.cib.model.status.NodeState;
import org.halyard.cib.model.status.OperationHistory;
import org.halyard.cib.model.status.ResourceHistory;
import org.halyard.cib.model.status.Status;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.resource.Durations;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.rules.ResourceParameters;

/**
 * Finds resources whose definition changed since they were started, by comparing the
 * parameter digests recorded in the status with the configuration's (Pacemaker's
 * pcmk__handle_rsc_config_changes): a changed non-reloadable parameter forces a restart, a
 * changed reloadable one a reload.
 */
public final class DefinitionChanges {

    private static final long DEFAULT_TIMEOUT_MS = 20_000;

    private final Map<String, Resource> configured = new HashMap<>();
    private final Map<String, String> opDefaults;
    private final ClusterOptions options;
    private final boolean sanitized;
    private final String cibVersion;
    private final Map<String, ScheduledResource> scheduled;

    /**
     * @param scheduled primitives by id
     * @param sanitized the CIB is a sanitized copy (a simulation, as crm_simulate assumes):
     *                  a change of secure parameters alone (masked passwords) is ignored
     */
    public DefinitionChanges(Cib cib, ClusterOptions options, boolean sanitized,
            Map<String, ScheduledResource> scheduled) {
        this.options = options;
        this.sanitized = sanitized;
        this.scheduled = scheduled;
        this.cibVersion = cib.getCrmFeatureSet();
        Configuration config = cib.configuration().orElse(null);
        if (config != null) {
            for (Resource rsc : config.resources().map(Resources::allResources)
                    .orElse(List.of())) {
                configured.put(rsc.getId(), rsc);
            }
        }
        opDefaults = new HashMap<>();
        List<MetaAttributes> sets = config == null ? List.of() : config.operationDefaults()
                .map(OperationDefaults::metaAttributes).orElse(List.of());
        ResourceParameters.evaluate(sets.stream().filter(s -> !s.isConditional()).toList(),
                Map.of(), options.now(), opDefaults);
    }

    /**
     * Marks resources that must restart ({@link ScheduledResource#definitionChanged}) or
     * reload ({@link ScheduledResource#reload}) because their definition changed.
     */
    public void check(Cib cib, Map<String, ClusterNode> nodes,
            Map<String, Map<String, ScheduledResource>> resolved) {
        for (NodeState state : cib.status().map(Status::nodeStates).orElse(List.of())) {
            ClusterNode node = state.getUname() == null ? null : nodes.get(state.getUname());
            if (node == null || !(node.maintenance() || node.canRunResources())) {
                continue;
            }
            for (ResourceHistory history : state.lrm().map(Lrm::resourceHistories)
                    .orElse(List.of())) {
                // The history of an anonymous clone instance names the clone's primitive
                ScheduledResource rsc = history.getId() == null ? null
                        : resolved.getOrDefault(node.uname(), Map.of()).get(history.getId());
                if (rsc != null && !rsc.orphan && rsc.runningOn.contains(node.uname())
                        && configured.get(rsc.baseId) instanceof AgentResource) {
                    resourceHistory(rsc, node, history);
                }
            }
        }
    }

    /**
     * Whether a recorded failure ran with parameters that changed since (Pacemaker's
     * should_clear_for_param_change): its fail count is then cleared, not held against it.
     */
    public boolean failureParametersChanged(ScheduledResource rsc, ClusterNode node,
            OperationHistory op) {
        String task = op.getOperation();
        if (op.getId() == null || !op.getId().endsWith("_last_failure_0")
                || !("start".equals(task) || "monitor".equals(task))
                || !(configured.get(rsc.baseId) instanceof AgentResource config)) {
            return false;
        }
        long interval = intervalMs(op);
        Map<String, String> all = allParameters(rsc, config, node, task, interval);
        Match match = compare(op, all, hasExtraParameters(config, node, task, interval));
        return match == Match.RESTART || match == Match.ALL;
    }

    private void resourceHistory(ScheduledResource rsc, ClusterNode node,
            ResourceHistory history) {
        AgentResource config = (AgentResource) configured.get(rsc.baseId);
        if (!Objects.equals(config.getAgentClass(), history.getAgentClass())
                || !Objects.equals(config.getProvider(), history.getProvider())
                || !Objects.equals(config.getType(), history.getType())) {
            // A different agent: stop the old one, start the new one
            rsc.forcedStopNode = node.uname();
            rsc.startPending = true;
        }
        List<OperationHistory> ops = new ArrayList<>(history.operations().stream()
                .filter(op -> op.getOperation() != null).toList());
        ops.sort(Comparator.comparingLong(DefinitionChanges::callOrder));
        int[] active = activeRange(ops);
        if (active[0] < active[1]) {
            return; // stopped since it last started
        }
        for (int i = Math.max(0, active[0]); i < ops.size(); i++) {
            OperationHistory op = ops.get(i);
            long interval = intervalMs(op);
            String task = op.getOperation();
            if (interval > 0 && (node.maintenance() || inMaintenance(rsc))) {
                continue; // maintenance cancels recurring operations
            }
            if (interval > 0 || "monitor".equals(task) || "start".equals(task)
                    || "promote".equals(task) || "migrate_from".equals(task)) {
                checkOperation(rsc, node, op, task, interval);
            }
        }
    }

    private boolean inMaintenance(ScheduledResource rsc) {
        return org.halyard.cib.model.CibValues.parseBoolean(rsc.config().meta().get("maintenance"))
                .orElse(options.maintenanceMode());
    }

    /** The outcome of comparing digests (Pacemaker's RSC_DIGEST_*). */
    private enum Match { MATCH, RESTART, ALL, UNKNOWN }

    private void checkOperation(ScheduledResource rsc, ClusterNode node, OperationHistory op,
            String task, long interval) {
        AgentResource config = (AgentResource) configured.get(rsc.baseId);
        if (interval > 0 && findOp(config, task, interval, false) == null) {
            return; // an orphaned recurring operation is only cancelled
        }
        Map<String, String> all = allParameters(rsc, config, node, task, interval);
        Match match = compare(op, all, hasExtraParameters(config, node, task, interval));
        if (match == Match.MATCH || match == Match.UNKNOWN || onlySecureChanged(op, config, node, all)) {
            return; // no digest recorded (an old or hand-written record): Pacemaker leaves it alone too
        }
        if (match == Match.RESTART) {
            requestRestart(rsc, task, interval);
        } else if (interval > 0) {
            return; // a recurring operation is only rescheduled with the new parameters
        } else if (op.getOpRestartDigest() != null) {
            reload(rsc);
        } else {
            requestRestart(rsc, task, interval);
        }
    }

    private static Match compare(OperationHistory op, Map<String, String> all, boolean extra) {
        String restartDigest = op.getOpRestartDigest();
        if (restartDigest != null) {
            Map<String, String> restart = new HashMap<>(all);
            String restartList = op.getOpForceRestart();
            if (restartList != null) {
                restart.keySet().removeIf(name -> !restartList.contains(" " + name + " "));
            }
            if (!OperationDigest.of(restart).equals(restartDigest)) {
                return Match.RESTART;
            }
        }
        String digest = op.getOpDigest();
        if (digest == null) {
            return Match.UNKNOWN;
        } else if (OperationDigest.of(all).equals(digest)) {
            return Match.MATCH;
        }
        // A start with its own extra parameters restarts so that they surely apply
        return extra ? Match.RESTART : Match.ALL;
    }

    private boolean hasExtraParameters(AgentResource config, ClusterNode node, String task,
            long interval) {
        Operation op = interval == 0 ? findOp(config, task, 0, true) : null;
        return op != null && !ResourceParameters.of(op, node.attributes(), options.now()).isEmpty();
    }

    /**
     * In a simulation of a sanitized CIB (passwords masked), a change of only the secure
     * parameters is no change: the secure digest, which leaves them out, still matches.
     */
    private boolean onlySecureChanged(OperationHistory op, AgentResource config,
            ClusterNode node, Map<String, String> all) {
        String secureDigest = op.getOpSecureDigest();
        if (!sanitized || secureDigest == null) {
            return false;
        }
        String version = op.getCrmFeatureSet() != null ? op.getCrmFeatureSet() : cibVersion;
        boolean old = FeatureSets.compare(version, "3.16.0") < 0;
        Map<String, String> secure;
        if (old) {
            secure = resourceParameters(config.getId(), node);
            if ("stonith".equalsIgnoreCase(config.getAgentClass())) {
                secure.keySet().removeIf(FeatureSets::isFencingParameter);
            }
            secure.remove("CRM_meta_timeout");
        } else {
            secure = new HashMap<>(all);
        }
        String secureList = op.getOpSecureParams();
        if (secureList != null) {
            secure.keySet().removeIf(name -> secureList.contains(" " + name + " "));
        }
        secure.keySet().removeIf(name -> filtered(name) && !name.equals("CRM_meta_timeout"));
        return OperationDigest.of(secure).equals(secureDigest);
    }

    /** Every parameter the digest covers: the resource's, the operation's, the timeout. */
    private Map<String, String> allParameters(ScheduledResource rsc, AgentResource config,
            ClusterNode node, String task, long interval) {
        Map<String, String> params = resourceParameters(rsc.id(), node);
        Operation op = findOp(config, task, interval, true);
        if (op != null) {
            ResourceParameters.of(op, node.attributes(), options.now()).forEach(params::putIfAbsent);
        }
        params.keySet().removeIf(DefinitionChanges::filtered);
        if (interval > 0) {
            params.put("CRM_meta_timeout", Long.toString(timeoutMs(op)));
        }
        return params;
    }

    /** The resource's parameters on a node: its own, then its parents'. */
    private Map<String, String> resourceParameters(String id, ClusterNode node) {
        List<Resource> lineage = new ArrayList<>();
        for (ScheduledResource r = scheduled.get(id); r != null; r = r.parent()) {
            Resource resource = configured.get(r.baseId);
            if (resource != null) {
                lineage.add(resource);
            }
        }
        return ResourceParameters.of(lineage, node.attributes(), options.now());
    }

    private long timeoutMs(Operation op) {
        String timeout = op != null && op.getTimeout() != null ? op.getTimeout()
                : opDefaults.get("timeout");
        long ms = timeout == null ? -1 : Durations.toMillis(timeout);
        return ms < 0 ? DEFAULT_TIMEOUT_MS : ms;
    }

    private static boolean filtered(String name) {
        return name.startsWith("CRM_meta_") || switch (name) {
            case "id", "crm_feature_set", "op-digest", "on_node", "on_node_uuid",
                    "pcmk_external_ip" -> true;
            default -> false;
        };
    }

    /** The configured operation with this name and interval (Pacemaker's op entry). */
    private static Operation findOp(AgentResource config, String task, long interval,
            boolean includeDisabled) {
        for (Operation op : config.operationList()) {
            boolean disabled = "false".equalsIgnoreCase(op.getEnabled())
                    || "0".equals(op.getEnabled()) || "no".equalsIgnoreCase(op.getEnabled())
                    || "off".equalsIgnoreCase(op.getEnabled());
            if ((includeDisabled || !disabled) && task.equalsIgnoreCase(op.getName())
                    && Durations.toMillis(op.getInterval()) == interval) {
                return op;
            }
        }
        return null;
    }

    private void requestRestart(ScheduledResource rsc, String task, long interval) {
        // Probes, promotions and migrations compare against the parameters of the start
        boolean startLike = interval == 0 && ("monitor".equals(task) || "promote".equals(task)
                || "migrate_from".equals(task));
        if (startLike || "start".equals(task)) {
            rsc.definitionChanged = true;
        }
    }

    private void reload(ScheduledResource rsc) {
        if (!rsc.managed || rsc.failed) {
            return;
        }
        if (rsc.startPending) {
            // A reload cannot apply to a start still in progress
            rsc.forcedStopNode = rsc.currentNode();
            return;
        }
        rsc.reload = true;
    }

    /** {start index, stop index} of the last start-like and last successful stop. */
    private static int[] activeRange(List<OperationHistory> ops) {
        int stop = -1;
        int start = -1;
        int impliedMonitor = -1;
        int impliedClone = -1;
        for (int i = 0; i < ops.size(); i++) {
            String task = ops.get(i).getOperation();
            if ("stop".equals(task) && "0".equals(ops.get(i).getOpStatus())) {
                stop = i;
            } else if ("start".equals(task) || "migrate_from".equals(task)) {
                start = i;
            } else if (impliedMonitor <= stop && "monitor".equals(task)) {
                String rc = ops.get(i).getRcCode();
                if ("0".equals(rc) || "8".equals(rc)) {
                    impliedMonitor = i;
                }
            } else if ("promote".equals(task) || "demote".equals(task)) {
                impliedClone = i;
            }
        }
        if (start == -1) {
            start = impliedClone != -1 ? impliedClone : impliedMonitor;
        }
        return new int[] {start, stop};
    }

    private static long intervalMs(OperationHistory op) {
        String interval = op.getInterval();
        if (interval == null) {
            return 0;
        }
        return interval.matches("[0-9]+") ? Long.parseLong(interval)
                : Math.max(0, Durations.toMillis(interval));
    }

    private static long callOrder(OperationHistory op) {
        try {
            long id = Long.parseLong(op.getCallId());
            return id < 0 ? Long.MAX_VALUE : id;
        } catch (NumberFormatException | NullPointerException e) {
            return Long.MAX_VALUE;
        }
    }
}
