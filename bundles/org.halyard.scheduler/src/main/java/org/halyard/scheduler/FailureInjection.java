package org.halyard.scheduler;

import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.status.Lrm;
import org.halyard.cib.model.status.LrmResources;
import org.halyard.cib.model.status.NodeState;
import org.halyard.cib.model.status.OperationHistory;
import org.halyard.cib.model.status.ResourceHistory;
import org.halyard.cib.model.status.Status;
import org.halyard.cib.model.status.TransientAttributes;
import org.halyard.scheduler.resource.Durations;

/**
 * What-if input for a simulation, as crm_simulate's {@code --op-inject}: records in a CIB's
 * status section that a resource's recurring monitor failed on a node, with the fail count the
 * controller would have bumped, so scheduling the CIB shows the recovery.
 */
public final class FailureInjection {

    /** The monitor interval crm_simulate assumes when the resource configures none. */
    static final long DEFAULT_INTERVAL_MS = 10_000;
    /** Marks the injected entry's transition key (expected result 0, "running"). */
    private static final String TRANSITION_KEY = "0:0:0:halyard-simulate";

    private FailureInjection() {
    }

    /**
     * Records a failed (rc 1) recurring monitor of a primitive on a node and increments its
     * {@code fail-count-RSC#monitor_INTERVAL} and {@code last-failure-...} attributes.
     *
     * @param now the failure's time, epoch seconds
     * @throws SchedulerException naming the resource or node when the CIB does not know it
     */
    public static void failedMonitor(Cib cib, String rscId, String nodeName, long now) {
        Configuration config = cib.configuration()
                .orElseThrow(() -> new SchedulerException("the CIB has no configuration"));
        Primitive primitive = config.resources().map(Resources::allResources).orElse(List.of())
                .stream().filter(r -> r instanceof Primitive && rscId.equals(r.getId()))
                .map(Primitive.class::cast).findFirst()
                .orElseThrow(() -> new SchedulerException("unknown resource \"" + rscId
                        + "\" (no primitive with that id in the configuration)"));
        NodeState state = nodeState(cib, config, nodeName);
        long interval = monitorInterval(primitive);
        String key = rscId + "_monitor_" + interval;
        ResourceHistory history = resourceHistory(state, primitive);
        OperationHistory op = history.operations().stream()
                .filter(o -> key.equals(o.getId())).findFirst().orElseGet(() -> {
                    OperationHistory created = new OperationHistory();
                    created.setId(key);
                    history.add(created);
                    return created;
                });
        op.setOperationKey(key);
        op.setOperation("monitor");
        op.setInterval(Long.toString(interval));
        op.setRcCode("1");
        op.setOpStatus("0");
        op.setCallId(Integer.toString(nextCallId(state)));
        op.setOnNode(state.getUname());
        op.setTransitionKey(TRANSITION_KEY);
        op.setTransitionMagic("0:1;" + TRANSITION_KEY);
        op.setLastRcChange(Long.toString(now));
        op.setLastRun(Long.toString(now));
        bumpFailCount(state, rscId + "#monitor_" + interval, now);
    }

    /** The node's status entry; a configured node without one gets an empty one (offline). */
    private static NodeState nodeState(Cib cib, Configuration config, String nodeName) {
        Status status = cib.status().orElseGet(() -> {
            Status created = new Status();
            cib.setStatus(created);
            return created;
        });
        Optional<NodeState> known = status.nodeState(nodeName);
        if (known.isPresent()) {
            return known.get();
        }
        Node node = config.nodes().map(Nodes::nodes).orElse(List.of()).stream()
                .filter(n -> nodeName.equalsIgnoreCase(n.getUname())).findFirst()
                .orElseThrow(() -> new SchedulerException("unknown node \"" + nodeName
                        + "\" (neither configured nor in the status section)"));
        NodeState state = new NodeState();
        state.setId(node.getId());
        state.setUname(node.getUname());
        status.add(state);
        return state;
    }

    /** The interval of the first enabled recurring monitor configured, else the default. */
    static long monitorInterval(Primitive primitive) {
        for (Operation op : primitive.operationList()) {
            long interval = Durations.toMillis(op.getInterval());
            boolean enabled = CibValues.parseBoolean(op.getEnabled()).orElse(true);
            if ("monitor".equals(op.getName()) && interval > 0 && enabled) {
                return interval;
            }
        }
        return DEFAULT_INTERVAL_MS;
    }

    private static ResourceHistory resourceHistory(NodeState state, Primitive primitive) {
        Lrm lrm = state.lrm().orElseGet(() -> {
            Lrm created = new Lrm();
            created.setId(state.getId());
            state.setLrm(created);
            return created;
        });
        LrmResources resources = lrm.lrmResources().orElseGet(() -> {
            LrmResources created = new LrmResources();
            lrm.setLrmResources(created);
            return created;
        });
        return resources.resourceHistories().stream()
                .filter(h -> primitive.getId().equals(h.getId())).findFirst().orElseGet(() -> {
                    ResourceHistory created = new ResourceHistory();
                    created.setId(primitive.getId());
                    created.setAgentClass(primitive.getAgentClass());
                    created.setProvider(primitive.getProvider());
                    created.setType(primitive.getType());
                    resources.add(created);
                    return created;
                });
    }

    /** Call ids count the executor's calls on one node: the new one is the newest. */
    private static int nextCallId(NodeState state) {
        int max = 0;
        for (ResourceHistory history : state.lrm().map(Lrm::resourceHistories).orElse(List.of())) {
            for (OperationHistory op : history.operations()) {
                try {
                    max = Math.max(max, Integer.parseInt(op.getCallId().trim()));
                } catch (NullPointerException | NumberFormatException e) {
                    // an entry without a readable call id does not count
                }
            }
        }
        return max + 1;
    }

    private static void bumpFailCount(NodeState state, String suffix, long now) {
        TransientAttributes transients = state.transientAttributes().orElseGet(() -> {
            TransientAttributes created = new TransientAttributes();
            created.setId(state.getId());
            state.setTransientAttributes(created);
            return created;
        });
        InstanceAttributes attributes = transients.instanceAttributes().stream().findFirst()
                .orElseGet(() -> {
                    InstanceAttributes created = new InstanceAttributes();
                    created.setId("status-" + state.getId());
                    transients.add(created);
                    return created;
                });
        String name = "fail-count-" + suffix;
        int count = attributes.value(name).map(FailureInjection::parseCount).orElse(0);
        attributes.put(name, count >= 1_000_000 ? "INFINITY" : Integer.toString(count + 1));
        attributes.put("last-failure-" + suffix, Long.toString(now));
    }

    /** A fail count as recorded: a number, or INFINITY (which stays saturated). */
    private static int parseCount(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String v = value.trim();
        if (v.equalsIgnoreCase("INFINITY") || v.equals("+INFINITY")) {
            return 1_000_000;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
