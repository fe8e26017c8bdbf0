package org.halyard.scheduler.promotable;

import java.util.Map;
import org.halyard.scheduler.assign.NodeAvailability;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * Promotion scores: the {@code master-<rsc>} node attributes a promotable agent sets to say
 * where it would best be promoted (Pacemaker's promotion_score and
 * pcmk__add_promotion_scores). Only scores on nodes where the instance's state is known
 * count, unless the clone's state is unknown everywhere (cluster start).
 */
public final class PromotionScores {

    private PromotionScores() {
    }

    /** A promotion score and whether it is only the default (no attribute set). */
    record Score(int value, boolean isDefault) {
    }

    /** Adds positive promotion scores to the instances' node scores and priorities. */
    public static void add(ScheduledResource clone, NodeAvailability nodes) {
        for (ScheduledResource instance : clone.children()) {
            for (Map.Entry<String, Integer> entry : instance.allowed.entrySet()) {
                if (!nodes.canRun(entry.getKey())) {
                    continue; // never promoted there: its score could only shuffle instances
                }
                int score = of(instance, entry.getKey(), nodes).value();
                if (score > 0) {
                    entry.setValue(Scores.add(entry.getValue(), score));
                }
                if (score > instance.priority) {
                    instance.priority = score;
                }
            }
        }
    }

    /** The promotion score of an instance (a cloned group: the sum of its members'). */
    static Score of(ScheduledResource rsc, String node, NodeAvailability nodes) {
        if (!rsc.children().isEmpty()) {
            int sum = 0;
            boolean isDefault = true;
            for (ScheduledResource member : rsc.children()) {
                Score score = of(member, node, nodes);
                isDefault &= score.isDefault();
                sum += score.value();
            }
            return new Score(sum, isDefault);
        }
        if (!applies(rsc, node)) {
            return new Score(0, true);
        }
        String name = rsc.historyName != null ? rsc.historyName : rsc.id();
        String value = nodes.attribute(node, "master-" + name);
        ScheduledResource clone = rsc.cloneAncestor();
        if (value == null && !clone.clone.globallyUnique() && !rsc.baseId.equals(rsc.id())) {
            value = nodes.attribute(node, "master-" + rsc.baseId);
        }
        return value == null ? new Score(0, true) : new Score(Scores.parse(value), false);
    }

    /** Pacemaker's promotion_score_applies. */
    private static boolean applies(ScheduledResource rsc, String node) {
        ScheduledResource clone = rsc.cloneAncestor();
        if (!clone.clone.globallyUnique()) {
            ScheduledResource active = activeInstance(clone, rsc.baseId, node);
            if (active == rsc) {
                return allowed(rsc, node);
            }
            if (active == null && knownOn(clone, rsc.baseId, node)) {
                return allowed(rsc, node);
            }
        }
        if (rsc.runningOn.isEmpty() && rsc.knownOn.isEmpty()) {
            return allowed(rsc, node);
        }
        if (rsc.knownOn.contains(node) || rsc.runningOn.contains(node)) {
            return allowed(rsc, node);
        }
        return false;
    }

    private static boolean allowed(ScheduledResource rsc, String node) {
        Integer score = rsc.allowed.get(node);
        return score != null && score >= 0;
    }

    private static ScheduledResource activeInstance(ScheduledResource clone, String baseId,
            String node) {
        for (ScheduledResource primitive : clone.primitives()) {
            if (primitive.baseId.equals(baseId) && primitive.runningOn.contains(node)) {
                return primitive;
            }
        }
        return null;
    }

    private static boolean knownOn(ScheduledResource clone, String baseId, String node) {
        for (ScheduledResource primitive : clone.primitives()) {
            if (primitive.baseId.equals(baseId) && primitive.knownOn.contains(node)) {
                return true;
            }
        }
        return false;
    }
}
