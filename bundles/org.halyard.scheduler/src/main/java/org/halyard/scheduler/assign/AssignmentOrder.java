package org.halyard.scheduler.assign;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.halyard.scheduler.colocation.ColocationScores;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;
import org.halyard.scheduler.resource.Variant;

/**
 * The order resources are assigned in when capacities matter (pcmk__sort_resources): the
 * first assigned takes capacity the later ones might have needed, so after priority the
 * resources that want their current node most go first, then those with the better score on
 * the most preferred nodes. Scores include those of the resources each is colocated with.
 */
final class AssignmentOrder {

    private final NodeAvailability nodes;
    private final ColocationScores colocationScores;

    AssignmentOrder(NodeAvailability nodes, ColocationScores colocationScores) {
        this.nodes = nodes;
        this.colocationScores = colocationScores;
    }

    List<ScheduledResource> sort(List<ScheduledResource> resources) {
        List<Map.Entry<String, Integer>> weights = nodes.names().stream()
                .map(name -> Map.entry(name, nodes.node(name).weight())).toList();
        List<String> preferred = MergeSort.sort(weights, nodes.ranking(null)).stream()
                .map(Map.Entry::getKey).toList();
        return MergeSort.sort(resources, comparison(preferred));
    }

    private Comparator<ScheduledResource> comparison(List<String> preferred) {
        return (r1, r2) -> {
            if (r1.priority != r2.priority) {
                return r1.priority > r2.priority ? -1 : 1;
            }
            Map<String, Integer> scores1 = colocationScores.withPrimaryScores(r1);
            Map<String, Integer> scores2 = colocationScores.withPrimaryScores(r2);
            int current = Integer.compare(score(scores2, currentNode(r2)),
                    score(scores1, currentNode(r1)));
            if (current != 0) {
                return current;
            }
            for (String node : preferred) {
                int better = Integer.compare(score(scores2, node), score(scores1, node));
                if (better != 0) {
                    return better;
                }
            }
            return 0;
        };
    }

    /** Where a resource is active; a group where its members are (as its running_on). */
    private static String currentNode(ScheduledResource rsc) {
        if (rsc.variant() != Variant.GROUP) {
            return rsc.currentNode();
        }
        return rsc.children().stream().map(ScheduledResource::currentNode)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static int score(Map<String, Integer> scores, String node) {
        Integer score = node == null || scores == null ? null : scores.get(node);
        return score == null ? -Scores.INFINITY : score;
    }
}
