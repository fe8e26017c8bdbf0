package org.halyard.scheduler.assign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.clone.CloneAssigner;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.NoQuorumPolicy;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.colocation.Colocation;
import org.halyard.scheduler.colocation.ColocationIndex;
import org.halyard.scheduler.colocation.ColocationScores;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;
import org.halyard.scheduler.resource.Variant;
import org.halyard.scheduler.utilization.CapacityCheck;

/**
 * Assigns resources to nodes: colocations are resolved by assigning the primary first, the
 * resource's own scores are combined with its dependents' preferences, and the best node wins
 * (ties go to the node running it, then the least loaded node, then the lowest name).
 */
public final class Assigner {

    private final ClusterOptions options;
    private final NodeAvailability nodes;
    private final ColocationIndex colocations;
    private final ColocationScores colocationScores;
    private final boolean haveStonithResource;
    private final List<ScoreLine> scores = new ArrayList<>();
    private final CloneAssigner clones;
    private final CapacityCheck capacity;

    public Assigner(ClusterOptions options, NodeAvailability nodes, ColocationIndex colocations,
            boolean haveStonithResource) {
        this.options = options;
        this.nodes = nodes;
        this.colocations = colocations;
        this.colocationScores = new ColocationScores(colocations, nodes);
        this.haveStonithResource = haveStonithResource;
        this.clones = new CloneAssigner(this, options, nodes, colocations, colocationScores);
        this.capacity = new CapacityCheck(colocations, nodes);
    }

    /**
     * The order to assign top-level resources in, given them by priority: unchanged, unless
     * the placement strategy makes the order matter for capacity.
     */
    public List<ScheduledResource> assignmentOrder(List<ScheduledResource> byPriority) {
        if (!nodes.strategy().checksCapacity()) {
            return byPriority;
        }
        return new AssignmentOrder(nodes, colocationScores).sort(byPriority);
    }

    /** Records a line of output that is not an allocation score (promotion scores). */
    public void note(ScoreLine line) {
        scores.add(line);
    }

    /** The allocation scores shown so far, in the order they were shown. */
    public List<ScoreLine> scores() {
        return scores;
    }

    /** Assigns a top-level resource (and everything it depends on). */
    public String assign(ScheduledResource rsc) {
        return switch (rsc.variant()) {
            case GROUP -> assignGroup(rsc, null);
            case CLONE -> clones.assign(rsc);
            default -> assignPrimitive(rsc, null);
        };
    }

    /** Assigns a clone instance, preferring a node if it is as good as any. */
    public String assignInstance(ScheduledResource rsc, String prefer) {
        return rsc.variant() == Variant.GROUP ? assignGroup(rsc, prefer)
                : assignPrimitive(rsc, prefer);
    }

    private String assignGroup(ScheduledResource group, String prefer) {
        if (group.parent() != null && !group.parent().assigning) {
            assign(group.parent());
        }
        if (!group.provisional) {
            return group.firstChild() == null ? null : group.firstChild().assignedTo;
        }
        if (group.assigning) {
            return null;
        }
        if (group.children().isEmpty()) {
            group.provisional = false;
            return null;
        }
        group.assigning = true;
        ScheduledResource first = group.firstChild();
        group.role = first.role;
        expandGroupColocations(group);
        show("pcmk__group_assign", group);
        for (ScheduledResource child : group.children()) {
            show("pcmk__group_assign", child);
        }
        String firstNode = null;
        for (ScheduledResource member : group.children()) {
            String node = assignPrimitive(member, prefer);
            firstNode = firstNode == null ? node : firstNode;
        }
        group.nextRole = first.nextRole;
        group.assigning = false;
        group.provisional = false;
        return group.config().groupColocated() ? firstNode : null;
    }

    /** "group with X" becomes "first member with X"; "X with group" becomes "X with last". */
    private void expandGroupColocations(ScheduledResource group) {
        for (Colocation c : colocations.takeThisWith(group)) {
            colocations.addThisWith(group.firstChild(), c);
        }
        for (Colocation c : colocations.takeWithThis(group)) {
            colocations.addWithThis(group.lastChild(), c);
        }
    }

    private String assignPrimitive(ScheduledResource rsc, String prefer) {
        if (rsc.parent() != null && !rsc.parent().assigning) {
            assign(rsc.parent());
        }
        if (!rsc.provisional) {
            return rsc.assignedTo;
        }
        if (rsc.assigning) {
            return null;
        }
        rsc.assigning = true;
        for (Colocation c : List.copyOf(colocations.thisWith(rsc))) {
            applyThisWith(rsc, c);
        }
        for (Colocation c : List.copyOf(colocations.withThis(rsc))) {
            if (ColocationScores.hasInfluence(c)) {
                float factor = c.score() / (float) Scores.INFINITY;
                Map<String, Integer> merged = colocationScores.addColocatedScores(c.dependent(),
                        rsc.allowed, c.nodeAttribute(), factor, true);
                replace(rsc.allowed, merged);
            }
        }
        if (rsc.nextRole == Role.STOPPED) {
            for (String node : nodeNames()) {
                rsc.addScore(node, nodes.node(node).weight(), -Scores.INFINITY);
            }
        } else if (rsc.nextRole.compareTo(rsc.role) > 0 && !options.haveQuorum()
                && options.noQuorumPolicy() == NoQuorumPolicy.FREEZE) {
            rsc.nextRole = rsc.role;
        }
        show("pcmk__primitive_assign", rsc);
        if (options.stonithEnabled() && !haveStonithResource) {
            rsc.managed = false;
        }
        if (!rsc.managed) {
            rsc.nextRole = rsc.role;
            finalizeAssignment(rsc, rsc.currentNode(), true);
        } else if (options.stopAllResources()) {
            finalizeAssignment(rsc, null, true);
        } else {
            assignBestNode(rsc, prefer);
        }
        rsc.assigning = false;
        return rsc.assignedTo;
    }

    /** Forces an assignment (or none), as pcmk__assign_resource(force) does. */
    public void forceAssignment(ScheduledResource rsc, String node) {
        if (rsc.children().isEmpty()) {
            finalizeAssignment(rsc, node, true);
        } else {
            rsc.provisional = false;
            rsc.children().forEach(child -> forceAssignment(child, node));
        }
    }

    /** Undoes an assignment (pcmk__unassign_resource), also of any members. */
    public void unassign(ScheduledResource rsc) {
        if (rsc.assignedTo != null) {
            nodes.uncountAssignment(rsc.assignedTo, rsc.config().utilization());
        }
        rsc.assignedTo = null;
        rsc.provisional = true;
        rsc.children().forEach(this::unassign);
    }

    private List<String> nodeNames() {
        return nodes.names();
    }

    private void applyThisWith(ScheduledResource rsc, Colocation c) {
        Map<String, Integer> archive = null;
        if (c.dependentRole().compareTo(Role.PROMOTED) >= 0
                || (c.score() < 0 && c.score() > -Scores.INFINITY)) {
            archive = new LinkedHashMap<>(rsc.allowed);
        }
        ScheduledResource primary = c.primary();
        assign(primary);
        applyPrimary(rsc, primary, c);
        if (archive != null && !nodes.anyAvailable(rsc.allowed)) {
            replace(rsc.allowed, archive);
        }
    }

    /** Applies a colocation with an assigned primary to a dependent being assigned. */
    public void applyPrimary(ScheduledResource rsc, ScheduledResource primary, Colocation c) {
        switch (primary.variant()) {
            case GROUP -> {
                if (!primary.provisional && !primary.children().isEmpty()) {
                    ScheduledResource member = c.score() >= Scores.INFINITY
                            ? primary.lastChild() : primary.firstChild();
                    colocationScores.applyToDependent(rsc, member, c);
                }
            }
            case CLONE -> clones.applyToDependent(rsc, primary, c);
            default -> colocationScores.applyToDependent(rsc, primary, c);
        }
    }

    private static void replace(Map<String, Integer> target, Map<String, Integer> source) {
        if (target != source) {
            Map<String, Integer> copy = new LinkedHashMap<>(source);
            target.clear();
            target.putAll(copy);
        }
    }

    private void assignBestNode(ScheduledResource rsc, String prefer) {
        // without a node that fits everything colocated, the one with most room is preferred
        String mostFree = capacity.banInsufficient(rsc);
        String preferred = prefer != null ? prefer : mostFree;
        List<Map.Entry<String, Integer>> sorted = nodes.sorted(rsc.allowed, rsc.currentNode());
        String chosen = null;
        if (preferred != null && !sorted.isEmpty()) {
            Integer weight = rsc.allowed.get(preferred);
            if (weight != null && weight >= sorted.get(0).getValue()
                    && nodes.canRun(preferred, weight)) {
                chosen = preferred;
            }
        }
        ScheduledResource clone = rsc.parent() != null && rsc.parent().isClone()
                ? rsc.parent() : null;
        boolean uniqueInstance = clone != null && clone.clone.globallyUnique();
        if (chosen == null && !sorted.isEmpty()) {
            Map.Entry<String, Integer> best = sorted.get(0);
            chosen = best.getKey();
            String running = rsc.currentNode();
            if (!uniqueInstance && best.getValue() > 0 && nodes.canRun(chosen)
                    && running != null
                    && nodes.canRun(running, nodes.node(running).weight())) {
                for (int i = 1; i < sorted.size(); i++) {
                    if (!sorted.get(i).getValue().equals(best.getValue())) {
                        break;
                    }
                    if (sorted.get(i).getKey().equals(running)) {
                        chosen = running;
                    }
                }
            }
        }
        finalizeAssignment(rsc, chosen, false);
    }

    private void finalizeAssignment(ScheduledResource rsc, String chosen, boolean force) {
        if (!force && chosen != null && !nodes.canRun(chosen, rsc.allowed.get(chosen))) {
            rsc.nextRole = Role.STOPPED;
            chosen = null;
        }
        rsc.assignedTo = null;
        rsc.provisional = false;
        if (chosen == null) {
            rsc.nextRole = Role.STOPPED;
            return;
        }
        rsc.assignedTo = chosen;
        Integer score = rsc.allowed.get(chosen);
        rsc.assignedScore = score == null ? 0 : score;
        nodes.countAssignment(chosen, rsc.config().utilization());
    }

    /** Shows a resource's scores and, for a collective one, its members' (recursively). */
    public void showTree(String stage, ScheduledResource rsc) {
        show(stage, rsc);
        if (!rsc.orphan && !rsc.instanceOrphan) {
            rsc.children().forEach(child -> showTree(stage, child));
        }
    }

    private void show(String stage, ScheduledResource rsc) {
        if (rsc.orphan || rsc.instanceOrphan) {
            return;
        }
        rsc.allowed.forEach((node, score) -> scores.add(new ScoreLine(stage, rsc.id(), node,
                score)));
    }
}
