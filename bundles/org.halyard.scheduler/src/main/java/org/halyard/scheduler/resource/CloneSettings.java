package org.halyard.scheduler.resource;

import java.util.Map;
import org.halyard.cib.model.CibValues;

/**
 * The clone meta-attributes of a clone or promotable clone, resolved as Pacemaker's
 * clone_unpack does (defaults, the legacy master-max names, at least 0).
 *
 * @param cloneMax         instances in all (default: the number of nodes, at least 1)
 * @param cloneNodeMax     instances per node (anonymous clones: always 1)
 * @param cloneMin         instances that must be runnable before dependents may start
 * @param promotedMax      instances that may be promoted (promotable clones)
 * @param promotedNodeMax  promoted instances per node
 */
public record CloneSettings(int cloneMax, int cloneNodeMax, int cloneMin, int promotedMax,
        int promotedNodeMax, boolean globallyUnique, boolean promotable, boolean interleave,
        boolean ordered, boolean notifications) {

    /** Reads the settings from a clone's resolved meta-attributes. */
    public static CloneSettings of(Map<String, String> meta, boolean promotable, int nodeCount) {
        boolean unique = CibValues.isTrue(meta.get("globally-unique"));
        int max = count(meta.get("clone-max"), Math.max(1, nodeCount));
        int nodeMax = count(meta.get("clone-node-max"), 1);
        if (!unique && nodeMax > 1) {
            nodeMax = 1; // anonymous instances are indistinguishable on one node
        }
        String promotedMax = first(meta, "promoted-max", "master-max");
        String promotedNodeMax = first(meta, "promoted-node-max", "master-node-max");
        return new CloneSettings(max, nodeMax, count(meta.get("clone-min"), 0),
                count(promotedMax, 1), count(promotedNodeMax, 1), unique, promotable,
                CibValues.isTrue(meta.get("interleave")), CibValues.isTrue(meta.get("ordered")),
                CibValues.isTrue(meta.get("notify")));
    }

    private static String first(Map<String, String> meta, String name, String legacy) {
        String value = meta.get(name);
        return value != null ? value : meta.get(legacy);
    }

    /** A count as pcmk__scan_min_int reads it: the leading integer, at least 0. */
    private static int count(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([+-]?[0-9]+).*")
                .matcher(text);
        if (!m.matches()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
