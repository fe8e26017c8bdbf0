package org.halyard.scheduler.location;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.halyard.cib.model.CibValues;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * The node-health-strategy (Pacemaker's pcmk__apply_node_health): the {@code #health-*} node
 * attributes, red, yellow, green or a score, add up to a node's health, which every resource
 * gets as a location score on that node (a negative one spares resources with
 * allow-unhealthy-nodes=true).
 */
public final class NodeHealth {

    private final int red;
    private final int yellow;
    private final int green;

    private NodeHealth(int red, int yellow, int green) {
        this.red = red;
        this.yellow = yellow;
        this.green = green;
    }

    /** True if the strategy is known (none, migrate-on-red, only-green, progressive, custom). */
    public static boolean supported(String strategy) {
        return strategy == null || List.of("none", "migrate-on-red", "only-green", "progressive",
                "custom").contains(strategy.toLowerCase(Locale.ROOT));
    }

    public static void apply(ClusterOptions options, List<ClusterNode> nodes,
            List<ScheduledResource> topLevel) {
        String strategy = options.options().getOrDefault("node-health-strategy", "none")
                .toLowerCase(Locale.ROOT);
        NodeHealth health = switch (strategy) {
            case "migrate-on-red" -> new NodeHealth(-Scores.INFINITY, 0, 0);
            case "only-green" -> new NodeHealth(-Scores.INFINITY, -Scores.INFINITY, 0);
            case "progressive", "custom" -> new NodeHealth(
                    option(options, "node-health-red", "-INFINITY"),
                    option(options, "node-health-yellow", "0"),
                    option(options, "node-health-green", "0"));
            default -> null;
        };
        if (health == null) {
            return;
        }
        int base = "progressive".equals(strategy) ? option(options, "node-health-base", "0") : 0;
        for (ClusterNode node : nodes) {
            int score = health.sum(node, base);
            if (score == 0) {
                continue; // a health of 0 has no effect
            }
            Map<String, Integer> list = new LinkedHashMap<>();
            list.put(node.uname(), score);
            for (ScheduledResource rsc : topLevel) {
                boolean immune = score < 0 && CibValues.isTrue(
                        rsc.config().meta().get("allow-unhealthy-nodes"));
                if (!immune) {
                    LocationConstraints.applyToResource(rsc, list, Role.UNKNOWN);
                }
            }
        }
    }

    private int sum(ClusterNode node, int base) {
        int total = base;
        for (Map.Entry<String, String> attribute : node.attributes().entrySet()) {
            if (attribute.getKey().startsWith("#health")) {
                total = Scores.add(score(attribute.getValue()), total);
            }
        }
        return total;
    }

    /** A health value: a color, or a score. */
    private int score(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "red" -> red;
            case "yellow" -> yellow;
            case "green" -> green;
            default -> Scores.parse(value);
        };
    }

    private static int option(ClusterOptions options, String name, String fallback) {
        return Scores.parse(options.options().getOrDefault(name, fallback));
    }
}
