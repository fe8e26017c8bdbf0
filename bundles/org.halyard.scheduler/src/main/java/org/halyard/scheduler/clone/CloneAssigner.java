package org.halyard.scheduler.clone;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.assign.Assigner;
import org.halyard.scheduler.assign.NodeAvailability;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.colocation.Colocation;
import org.halyard.scheduler.colocation.ColocationIndex;
import org.halyard.scheduler.colocation.ColocationScores;
import org.halyard.scheduler.promotable.PromotionRoles;
import org.halyard.scheduler.promotable.PromotionScores;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * Assigns a clone's instances to nodes (Pacemaker's pcmk__clone_allocate and
 * distribute_children): instances keep their current node where that is still allowed and
 * not over-full, the rest go where their scores are best, at most clone-node-max per node and
 * clone-max in all; then a promotable clone chooses the instances to promote.
 */
public final class CloneAssigner {

    private final Assigner assigner;
    private final NodeAvailability nodes;
    private final ColocationIndex colocations;
    private final ColocationScores colocationScores;
    private final CloneColocation cloneColocation;
    private final PromotionRoles promotion;
    /** Instances assigned per node, for each clone being distributed (Pacemaker's count). */
    private final Map<ScheduledResource, Map<String, Integer>> counts = new HashMap<>();

    public CloneAssigner(Assigner assigner, ClusterOptions options, NodeAvailability nodes,
            ColocationIndex colocations, ColocationScores colocationScores) {
        this.assigner = assigner;
        this.nodes = nodes;
        this.colocations = colocations;
        this.colocationScores = colocationScores;
        this.cloneColocation = new CloneColocation(assigner, nodes);
        // Promotion repurposes the per-node counts, so they are all zero when it sorts
        this.promotion = new PromotionRoles(assigner, options, nodes, colocations,
                colocationScores, new InstanceOrder(nodes, colocations, colocationScores,
                        Map.of()));
    }

    /** Applies "dependent with clone" to a dependent being assigned. */
    public void applyToDependent(ScheduledResource dependent, ScheduledResource clone,
            Colocation colocation) {
        cloneColocation.apply(dependent, clone, colocation);
    }

    /** Assigns a clone; returns null (a clone is never on one node only). */
    public String assign(ScheduledResource clone) {
        if (!clone.provisional || clone.assigning) {
            return null;
        }
        if (clone.clone.promotable()) {
            PromotionScores.add(clone, nodes);
        }
        clone.assigning = true;
        // Primaries first: the instance order compares colocated scores
        for (Colocation c : List.copyOf(colocations.thisWith(clone))) {
            assigner.assign(c.primary());
        }
        for (Colocation c : List.copyOf(colocations.withThis(clone))) {
            if (ColocationScores.hasInfluence(c)) {
                float factor = c.score() / (float) Scores.INFINITY;
                Map<String, Integer> merged = colocationScores.addColocatedScores(c.dependent(),
                        clone.allowed, c.nodeAttribute(), factor, true, true);
                replace(clone.allowed, merged);
            }
        }
        assigner.showTree("pcmk__clone_allocate", clone);
        List<String> order = nodes.sorted(clone.allowed, null).stream().map(Map.Entry::getKey)
                .toList();
        clone.children().sort(new InstanceOrder(nodes, colocations, colocationScores, counts(clone)));
        distribute(clone, order);
        if (clone.clone.promotable()) {
            promotion.setRoles(clone);
        }
        clone.provisional = false;
        clone.assigning = false;
        return null;
    }

    private Map<String, Integer> counts(ScheduledResource clone) {
        return counts.computeIfAbsent(clone, c -> new HashMap<>());
    }

    private void distribute(ScheduledResource clone, List<String> nodeOrder) {
        Map<String, Integer> count = counts(clone);
        count.clear();
        int available = 0;
        for (String node : nodeOrder) {
            if (nodes.canRun(node)) {
                available++;
            }
        }
        int max = clone.clone.cloneMax();
        int perNode = clone.clone.cloneNodeMax();
        boolean allColocations = max < available;
        int loopMax = Math.max(1, available > 0 ? max / available : 1);
        int assigned = 0;
        // Keep instances where they are, as long as nodes are not over-full
        for (ScheduledResource instance : clone.children()) {
            if (assigned >= max) {
                break;
            }
            String current = currentNode(instance);
            if (current == null || !instance.provisional || instance.failed) {
                continue;
            }
            if (!nodes.canRun(current, nodes.node(current).weight())) {
                continue;
            }
            if (clone.allowed.containsKey(current) && count.getOrDefault(current, 0) >= loopMax) {
                continue;
            }
            if (assignInstance(clone, instance, current, allColocations, perNode) != null) {
                assigned++;
            }
        }
        for (ScheduledResource instance : clone.children()) {
            if (!instance.provisional) {
                continue;
            }
            if (assigned >= max) {
                banEverywhere(instance);
            } else if (assignInstance(clone, instance, null, allColocations, perNode) != null) {
                assigned++;
            }
        }
    }

    /** The node an instance is active on (the first one found), or null. */
    static String currentNode(ScheduledResource instance) {
        if (!instance.runningOn.isEmpty()) {
            return instance.runningOn.get(0);
        }
        for (ScheduledResource member : instance.children()) {
            if (!member.runningOn.isEmpty()) {
                return member.runningOn.get(0);
            }
        }
        return null;
    }

    private void banEverywhere(ScheduledResource instance) {
        for (String node : nodes.names()) {
            instance.addScore(node, nodes.node(node).weight(), -Scores.INFINITY);
        }
        instance.children().forEach(this::banEverywhere);
    }

    /** Pacemaker's allocate_instance. */
    private String assignInstance(ScheduledResource clone, ScheduledResource instance,
            String prefer, boolean allColocations, int limit) {
        if (!instance.provisional) {
            return location(instance);
        }
        if (instance.assigning) {
            return null;
        }
        inheritColocations(clone, instance, allColocations);
        if (prefer != null) {
            Integer weight = instance.allowed.get(prefer);
            if (weight == null || weight < 0) {
                return null;
            }
        }
        for (String node : List.copyOf(instance.allowed.keySet())) {
            canRunInstance(clone, instance, node, limit);
        }
        Map<String, Integer> backup = new LinkedHashMap<>(instance.allowed);
        String chosen = assigner.assignInstance(instance, prefer);
        if (chosen != null && prefer != null && !chosen.equals(prefer)) {
            replace(instance.allowed, backup);
            assigner.unassign(instance);
            chosen = null;
        }
        if (chosen != null && clone.allowed.containsKey(chosen)) {
            counts(clone).merge(chosen, 1, Integer::sum);
        }
        return chosen;
    }

    /** Where an instance was assigned (for a cloned group: its first member's node). */
    static String location(ScheduledResource instance) {
        if (instance.children().isEmpty()) {
            return instance.assignedTo;
        }
        for (ScheduledResource member : instance.children()) {
            if (member.assignedTo != null) {
                return member.assignedTo;
            }
        }
        return null;
    }

    /**
     * Pacemaker's append_parent_colocation: the instance takes on the clone's colocations;
     * positive optional ones only when not every node gets an instance anyway.
     */
    private void inheritColocations(ScheduledResource clone, ScheduledResource instance,
            boolean all) {
        for (Colocation c : colocations.thisWith(clone)) {
            if (all || c.score() < 0 || c.score() == Scores.INFINITY) {
                colocations.addThisWith(instance, c);
            }
        }
        for (Colocation c : colocations.withThis(clone)) {
            boolean influence = c.influence() || currentNode(instance) == null;
            if (influence && (all || c.score() < 0)) {
                colocations.addWithThis(instance, c);
            }
        }
    }

    /** Bans an instance from a node it cannot run on (unavailable, disallowed or full). */
    private void canRunInstance(ScheduledResource clone, ScheduledResource instance, String node,
            int limit) {
        Integer cloneScore = clone.allowed.get(node);
        boolean ok = nodes.canRun(node) && !instance.instanceOrphan && cloneScore != null
                && cloneScore >= 0 && counts(clone).getOrDefault(node, 0) < limit;
        if (!ok) {
            setScore(instance, node, -Scores.INFINITY);
        }
    }

    /** Pacemaker's common_update_score: sets (not adds) a score, also for members. */
    static void setScore(ScheduledResource rsc, String node, int score) {
        if (rsc.allowed.containsKey(node)) {
            rsc.allowed.put(node, score);
        }
        rsc.children().forEach(child -> setScore(child, node, score));
    }

    static void replace(Map<String, Integer> target, Map<String, Integer> source) {
        if (target != source) {
            Map<String, Integer> copy = new LinkedHashMap<>(source);
            target.clear();
            target.putAll(copy);
        }
    }
}
