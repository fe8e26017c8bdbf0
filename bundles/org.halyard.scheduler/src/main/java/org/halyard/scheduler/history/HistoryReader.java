package org.halyard.scheduler.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.status.Lrm;
import org.halyard.cib.model.status.NodeState;
import org.halyard.cib.model.status.OperationHistory;
import org.halyard.cib.model.status.ResourceHistory;
import org.halyard.cib.model.status.Status;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.Durations;
import org.halyard.scheduler.resource.OnFail;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * Reads the resource history of the status section into the resources' current state: where
 * each is active, in which role, whether it failed, and which nodes must be fenced because of
 * it. Orphans (history of resources no longer configured) are created as needed.
 */
public final class HistoryReader {

    private final ClusterOptions options;
    private final Map<String, ClusterNode> nodes;
    private final Map<String, ScheduledResource> resources;
    private final OrphanFactory orphans;
    private final ChangedFailure changedFailure;
    private final ResourceLookup lookup;
    private final Map<String, Map<String, ScheduledResource>> resolved = new LinkedHashMap<>();

    private HistoryReader(ClusterOptions options, Map<String, ClusterNode> nodes,
            Map<String, ScheduledResource> resources, OrphanFactory orphans,
            ChangedFailure changedFailure, ResourceLookup lookup) {
        this.options = options;
        this.lookup = lookup;
        this.changedFailure = changedFailure;
        this.nodes = nodes;
        this.resources = resources;
        this.orphans = orphans;
    }

    /** Creates a resource for history whose resource is no longer configured. */
    @FunctionalInterface
    public interface OrphanFactory {
        ScheduledResource create(String id, ResourceHistory history);
    }

    /** Finds the primitive a history entry on a node is for; null for an orphan. */
    @FunctionalInterface
    public interface ResourceLookup {
        ScheduledResource find(String node, String historyId);
    }

    /** Tells whether a recorded failure ran with parameters that have changed since. */
    @FunctionalInterface
    public interface ChangedFailure {
        boolean test(ScheduledResource rsc, ClusterNode node, OperationHistory op);
    }

    /**
     * Unpacks the history of every node whose history counts: all nodes when fencing is
     * enabled (resources on lost nodes matter), otherwise only online nodes.
     *
     * @param nodes     nodes by name; updated in place when a node must be fenced
     * @param resources primitives by id
     */
    public static Map<String, Map<String, ScheduledResource>> read(Cib cib,
            ClusterOptions options, Map<String, ClusterNode> nodes,
            Map<String, ScheduledResource> resources, OrphanFactory orphans,
            ChangedFailure changedFailure, ResourceLookup lookup) {
        HistoryReader reader = new HistoryReader(options, nodes, resources, orphans,
                changedFailure, lookup);
        Map<String, String> idToName = new LinkedHashMap<>();
        nodes.values().forEach(n -> idToName.put(n.id(), n.uname()));
        for (NodeState state : cib.status().map(Status::nodeStates).orElse(List.of())) {
            String name = state.getUname() != null && nodes.containsKey(state.getUname())
                    ? state.getUname() : idToName.get(state.getId());
            ClusterNode node = name == null ? null : nodes.get(name);
            if (node == null || (!options.stonithEnabled() && !node.online())) {
                continue;
            }
            for (ResourceHistory history : state.lrm().map(Lrm::resourceHistories)
                    .orElse(List.of())) {
                reader.unpack(name, history);
            }
        }
        return reader.resolved;
    }

    private void unpack(String nodeName, ResourceHistory history) {
        List<OperationRecord> ops = new ArrayList<>();
        for (OperationHistory op : history.operations()) {
            if (op.getOperation() != null) {
                ops.add(OperationRecord.of(op));
            }
        }
        if (ops.isEmpty() || history.getId() == null) {
            return;
        }
        ScheduledResource rsc = lookup.find(nodeName, history.getId());
        if (rsc == null) {
            rsc = orphans.create(history.getId(), history);
            resources.put(history.getId(), rsc);
        }
        for (OperationHistory op : history.operations()) {
            if (op.getOperation() != null && !"7".equals(op.getOpStatus())
                    && changedFailure.test(rsc, nodes.get(nodeName), op)) {
                // The fail count will be cleared, so it must not ban the node now
                rsc.failCountCleared.add(nodeName);
            }
        }
        lockFromHistory(rsc, nodeName, history);
        // Pending operations (call-id -1) are the newest
        ops.sort(Comparator.comparingLong(op -> op.callId() < 0 ? Long.MAX_VALUE : op.callId()));
        Role saved = rsc.role;
        ScheduledResource target = rsc;
        OperationReplay replay = new OperationReplay(rsc, nodes.get(nodeName),
                options.stonithEnabled(), (n, score) -> target.addScore(n, 0, score),
                () -> banEverywhere(target));
        FailureExpiry expiry = new FailureExpiry(rsc, nodes.get(nodeName),
                options.now().toEpochSecond(java.time.ZoneOffset.UTC), ops);
        for (OperationRecord op : ops) {
            replay.replay(op, expiry.expired(op));
        }
        rsc.role = replay.role;
        resolved.computeIfAbsent(nodeName, n -> new LinkedHashMap<>()).put(history.getId(), rsc);
        if (rsc.startPending && rsc.pendingNode == null) {
            rsc.pendingNode = nodeName;
        }
        if (rsc.role != Role.UNKNOWN) {
            // Known here: this instance, and (for anonymous clones) the clone
            for (ScheduledResource r = rsc; r != null; r = r.parent()) {
                r.knownOn.add(nodeName);
                ScheduledResource clone = r.isClone() ? r : r.cloneAncestor();
                if (clone != null && clone.clone.globallyUnique()) {
                    break;
                }
            }
        }
        processState(rsc, nodeName, replay.onFail);
        Role requested = requestedRole(rsc);
        if (requested != Role.UNKNOWN
                && (rsc.nextRole == Role.UNKNOWN || requested.compareTo(rsc.nextRole) < 0)) {
            rsc.nextRole = requested;
        }
        if (saved.compareTo(rsc.role) > 0) {
            rsc.role = saved;
        }
    }

    /** A shutdown lock recorded in the history, if locks are enabled and it has not expired. */
    private void lockFromHistory(ScheduledResource rsc, String nodeName, ResourceHistory history) {
        if (!CibValues.isTrue(options.options().get("shutdown-lock"))
                || history.getShutdownLock() == null) {
            return;
        }
        long lockTime;
        try {
            lockTime = Long.parseLong(history.getShutdownLock().trim());
        } catch (NumberFormatException e) {
            return;
        }
        long limit = Durations.toMillis(options.options().get("shutdown-lock-limit")) / 1000;
        long now = options.now().toEpochSecond(java.time.ZoneOffset.UTC);
        if (lockTime != 0 && (limit <= 0 || now <= lockTime + limit)) {
            rsc.lockNode = nodeName;
        }
    }

    private void banEverywhere(ScheduledResource rsc) {
        rsc.allowed.clear();
        for (ClusterNode node : nodes.values()) {
            rsc.allowed.put(node.uname(), -Scores.INFINITY);
        }
    }

    /** The target-role as a primitive may use it: only Stopped has an effect. */
    public static Role requestedRole(ScheduledResource rsc) {
        Role target = rsc.config().targetRole();
        if (target == Role.UNPROMOTED && rsc.inPromotable()) {
            return Role.UNPROMOTED; // may run, but not be promoted
        }
        return target == Role.STOPPED ? Role.STOPPED : Role.UNKNOWN;
    }

    private void processState(ScheduledResource rsc, String nodeName, OnFail onFail) {
        ClusterNode node = nodes.get(nodeName);
        boolean active = rsc.role != Role.STOPPED && rsc.role != Role.UNKNOWN;
        if (active && !node.online() && !node.maintenance() && rsc.managed
                && options.stonithEnabled()) {
            fence(nodeName, rsc.id() + " is thought to be active there");
        }
        OnFail effective = nodes.get(nodeName).unclean() ? OnFail.IGNORE : onFail;
        handleFailure(rsc, nodeName, effective, active);
        if (active) {
            rsc.runningOn.add(nodeName);
            for (ScheduledResource p = rsc.parent(); p != null; p = p.parent()) {
                if (p.isClone() && !p.runningOn.contains(nodeName)) {
                    p.runningOn.add(nodeName); // a clone is active wherever an instance is
                }
            }
            if (node.maintenance()) {
                // Nothing on a node in maintenance is managed
                rsc.managed = false;
            }
            if (!rsc.managed) {
                // An unmanaged resource stays where it is
                rsc.addScore(nodeName, node.weight(), Scores.INFINITY);
            } else if (multiplyActive(rsc)) {
                multipleActive(rsc);
            }
            switch (effective) {
                case IGNORE -> { }
                case DEMOTE, BLOCK -> rsc.failed = true;
                default -> {
                    rsc.failed = true;
                    rsc.stopNeeded = true;
                }
            }
        } else if (rsc.historyName != null && rsc.historyName.contains(":")) {
            // An old numbered history of a stopped instance must not name it (for promotion
            // scores) or it would look like an orphan
            rsc.historyName = null;
        }
    }

    /** What a failure's on-fail handling does while unpacking (Pacemaker's process_rsc_state). */
    private void handleFailure(ScheduledResource rsc, String nodeName, OnFail effective,
            boolean active) {
        switch (effective) {
            case DEMOTE -> {
                rsc.failed = true;
                rsc.demoteNode = nodeName;
            }
            case FENCE -> fence(nodeName, rsc.id() + " failed there");
            case STANDBY -> nodes.put(nodeName, nodes.get(nodeName).inStandby());
            case BLOCK -> {
                rsc.managed = false;
                rsc.blocked = true;
            }
            case MIGRATE -> rsc.addScore(nodeName, 0, -Scores.INFINITY);
            case STOP -> rsc.nextRole = Role.STOPPED;
            case RECOVER, RESET_REMOTE -> {
                if (active) {
                    rsc.failed = true;
                    rsc.stopNeeded = true;
                }
            }
            case RESTART_CONTAINER -> {
                rsc.failed = true;
                rsc.stopNeeded = true;
                if (rsc.container != null) {
                    rsc.container.forcedStopNode = nodeName;
                }
            }
            default -> { }
        }
    }

    /** Active on more than one node (unclean nodes count only if starts need fencing). */
    private boolean multiplyActive(ScheduledResource rsc) {
        long count = rsc.config().needsFencing() ? rsc.runningOn.size()
                : rsc.runningOn.stream().filter(n -> !nodes.get(n).unclean()).count();
        return count > 1;
    }

    /** The multiple-active policies that act while unpacking (stop_only, block). */
    private void multipleActive(ScheduledResource rsc) {
        switch (rsc.config().multipleActive()) {
            case "stop_only" -> banEverywhere(rsc);
            case "block" -> {
                rsc.managed = false;
                rsc.blocked = true;
                ScheduledResource parent = rsc.parent();
                if (parent != null && "block".equals(parent.config().multipleActive())) {
                    for (ScheduledResource sibling : parent.children()) {
                        sibling.managed = false;
                        sibling.blocked = true;
                    }
                }
            }
            default -> { }
        }
    }

    private void fence(String nodeName, String reason) {
        nodes.put(nodeName, nodes.get(nodeName).fenced(reason));
    }
}
