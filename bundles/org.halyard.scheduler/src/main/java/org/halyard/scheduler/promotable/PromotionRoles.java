package org.halyard.scheduler.promotable;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.assign.Assigner;
import org.halyard.scheduler.assign.NodeAvailability;
import org.halyard.scheduler.assign.ScoreLine;
import org.halyard.scheduler.clone.CloneColocation;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.NoQuorumPolicy;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.colocation.Colocation;
import org.halyard.scheduler.colocation.ColocationIndex;
import org.halyard.scheduler.colocation.ColocationScores;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * Chooses which instances of a placed promotable clone are promoted (Pacemaker's
 * pcmk__set_instance_roles): each instance gets a priority (its promotion score, location
 * constraints and colocations for the Promoted role), the clone's node scores and role
 * colocations refine it, and the best instances up to promoted-max (promoted-node-max per
 * node) are promoted; the others run unpromoted.
 */
public final class PromotionRoles {

    private final Assigner assigner;
    private final ClusterOptions options;
    private final NodeAvailability nodes;
    private final ColocationIndex colocations;
    private final ColocationScores colocationScores;
    private final Comparator<ScheduledResource> instanceOrder;

    public PromotionRoles(Assigner assigner, ClusterOptions options, NodeAvailability nodes,
            ColocationIndex colocations, ColocationScores colocationScores,
            Comparator<ScheduledResource> instanceOrder) {
        this.assigner = assigner;
        this.options = options;
        this.nodes = nodes;
        this.colocations = colocations;
        this.colocationScores = colocationScores;
        this.instanceOrder = instanceOrder;
    }

    /** Sets each instance's next role to Promoted, Unpromoted or Stopped. */
    public void setRoles(ScheduledResource clone) {
        for (ScheduledResource instance : clone.children()) {
            setPriority(instance, clone);
        }
        sortInstances(clone);
        Map<String, Integer> promotedOn = new HashMap<>();
        int promoted = 0;
        for (ScheduledResource instance : clone.children()) {
            if (setRole(clone, instance, promoted, promotedOn)) {
                promoted++;
            }
        }
        for (ScheduledResource instance : clone.children()) {
            instance.priority = clone.priority; // priority served promotion only
        }
    }

    private void setPriority(ScheduledResource instance, ScheduledResource clone) {
        if (CloneColocation.role(instance, true) == Role.STARTED) {
            currentRoleUnpromoted(instance);
        }
        String chosen = CloneColocation.location(instance, false);
        if (chosen == null) {
            return;
        }
        Role next = CloneColocation.role(instance, false);
        switch (next) {
            case STARTED, UNKNOWN -> {
                PromotionScores.Score score = PromotionScores.of(instance, chosen, nodes);
                // Without any promotion score or constraint, nothing is promoted
                instance.priority = score.isDefault() ? -1 : score.value();
            }
            case UNPROMOTED, STOPPED -> instance.priority = -Scores.INFINITY;
            default -> { }
        }
        applyPromotedLocations(instance, instance.promotedLocations, chosen);
        applyPromotedLocations(instance, clone.promotedLocations, chosen);
        if (instance.children().isEmpty()) {
            for (Colocation c : List.copyOf(colocations.thisWith(instance))) {
                assigner.applyPrimary(instance, c.primary(), c);
            }
        }
        instance.sortIndex = next == Role.PROMOTED ? Scores.INFINITY : instance.priority;
    }

    private static void currentRoleUnpromoted(ScheduledResource rsc) {
        if (rsc.role == Role.STARTED) {
            rsc.role = Role.UNPROMOTED;
        }
        rsc.children().forEach(PromotionRoles::currentRoleUnpromoted);
    }

    private static void applyPromotedLocations(ScheduledResource instance,
            List<Map<String, Integer>> locations, String chosen) {
        for (Map<String, Integer> location : locations) {
            Integer score = location.get(chosen);
            if (score != null) {
                instance.priority = Scores.add(instance.priority, score);
            }
        }
    }

    /** Pacemaker's sort_promotable_instances. */
    private void sortInstances(ScheduledResource clone) {
        for (ScheduledResource instance : clone.children()) {
            String chosen = CloneColocation.location(instance, false);
            if (instance.sortIndex >= 0 && chosen != null && clone.allowed.containsKey(chosen)) {
                clone.allowed.merge(chosen, instance.sortIndex, Scores::add);
            }
        }
        for (Colocation c : List.copyOf(colocations.thisWith(clone))) {
            if (c.dependentRole() == Role.PROMOTED) {
                replace(clone.allowed, colocationScores.addColocatedScores(c.primary(),
                        clone.allowed, c.nodeAttribute(), c.score() / (float) Scores.INFINITY,
                        c.score() < Scores.INFINITY, false));
            }
        }
        for (Colocation c : List.copyOf(colocations.withThis(clone))) {
            if (c.primaryRole() == Role.PROMOTED && ColocationScores.hasInfluence(c)) {
                replace(clone.allowed, colocationScores.addColocatedScores(c.dependent(),
                        clone.allowed, c.nodeAttribute(), c.score() / (float) Scores.INFINITY,
                        true, true));
            }
        }
        for (ScheduledResource instance : clone.children()) {
            String chosen = CloneColocation.location(instance, false);
            if (!instance.managed && instance.nextRole == Role.PROMOTED) {
                instance.sortIndex = Scores.INFINITY;
            } else if (chosen != null && instance.sortIndex >= 0) {
                instance.sortIndex = clone.allowed.get(chosen);
            }
        }
        clone.children().sort(Comparator
                .comparingInt((ScheduledResource r) -> -r.sortIndex)
                .thenComparing((a, b) -> CloneColocation.role(b, true)
                        .compareTo(CloneColocation.role(a, true)))
                .thenComparing(instanceOrder));
    }

    private boolean setRole(ScheduledResource clone, ScheduledResource instance, int promoted,
            Map<String, Integer> promotedOn) {
        assigner.note(ScoreLine.promotion(instance.id(),
                CloneColocation.location(instance, false), instance.sortIndex));
        String chosen = null;
        if (instance.sortIndex >= 0
                && (promoted < clone.clone.promotedMax() || !clone.managed)) {
            chosen = promotionNode(clone, instance, promotedOn);
        }
        if (chosen == null) {
            nextRoleUnpromoted(instance);
            return false;
        }
        if (instance.role.compareTo(Role.PROMOTED) < 0 && !options.haveQuorum()
                && options.noQuorumPolicy() == NoQuorumPolicy.FREEZE) {
            nextRoleUnpromoted(instance);
            return false;
        }
        promotedOn.merge(chosen, 1, Integer::sum);
        nextRolePromoted(instance);
        return true;
    }

    /** Pacemaker's node_to_be_promoted_on: where the instance could be promoted, or null. */
    private String promotionNode(ScheduledResource clone, ScheduledResource rsc,
            Map<String, Integer> promotedOn) {
        for (ScheduledResource member : rsc.children()) {
            if (promotionNode(clone, member, promotedOn) == null) {
                return null;
            }
        }
        String node = CloneColocation.location(rsc, false);
        if (node == null) {
            return null;
        }
        if (!rsc.managed) {
            if (CloneColocation.role(rsc, true) != Role.PROMOTED) {
                return null;
            }
        } else if (rsc.priority < 0 || !nodes.canRun(node)) {
            return null;
        }
        if (!clone.allowed.containsKey(node)) {
            return null;
        }
        if (promotedOn.getOrDefault(node, 0) >= clone.clone.promotedNodeMax() && rsc.managed) {
            return null;
        }
        return node;
    }

    private static void nextRoleUnpromoted(ScheduledResource rsc) {
        rsc.nextRole = CloneColocation.location(rsc, false) == null ? Role.STOPPED
                : Role.UNPROMOTED;
        rsc.children().forEach(PromotionRoles::nextRoleUnpromoted);
    }

    private static void nextRolePromoted(ScheduledResource rsc) {
        if (rsc.nextRole == Role.UNKNOWN) {
            rsc.nextRole = Role.PROMOTED;
        }
        rsc.children().forEach(PromotionRoles::nextRolePromoted);
    }

    private static void replace(Map<String, Integer> target, Map<String, Integer> source) {
        if (target != source) {
            Map<String, Integer> copy = new java.util.LinkedHashMap<>(source);
            target.clear();
            target.putAll(copy);
        }
    }
}
