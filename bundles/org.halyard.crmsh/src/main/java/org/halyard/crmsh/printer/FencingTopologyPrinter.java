package org.halyard.crmsh.printer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halyard.cib.model.fencing.FencingLevel;
import org.halyard.cib.model.fencing.FencingTopology;

/**
 * {@code fencing_topology}, one continuation line per target ({@code node:},
 * {@code attr:name=value} or {@code pattern:regex}) with its levels in index order, as crm
 * shows it. When every node, in the order of the nodes section, has the same levels and no
 * other target has any, the short form without targets says the same. Level ids are not part
 * of crm syntax: loading the text gives the levels the ids crm gives them.
 */
final class FencingTopologyPrinter {

    private final List<String> notShown;

    FencingTopologyPrinter(List<String> notShown) {
        this.notShown = notShown;
    }

    /** The statement, or null when there are no levels (or none crm syntax can say). */
    Lines print(FencingTopology topology, List<String> nodeNames) {
        Map<String, List<FencingLevel>> byTarget = new LinkedHashMap<>();
        for (FencingLevel level : topology.levels()) {
            String target = target(level);
            if (target == null || !Values.quote(target).equals(target)
                    || level.deviceIds().isEmpty() || index(level) < 1) {
                notShown.add("fencing-level \"" + level.getId() + "\" (no target, devices or"
                        + " index, or a target with spaces or quotes)");
            } else {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(level);
            }
        }
        if (byTarget.isEmpty()) {
            return null;
        }
        Map<String, String> devicesByTarget = new LinkedHashMap<>();
        byTarget.forEach((target, levels) -> devicesByTarget.put(target, levels.stream()
                .sorted(Comparator.comparingInt(FencingTopologyPrinter::index))
                .map(level -> String.join(",", level.deviceIds()))
                .reduce((a, b) -> a + " " + b).orElseThrow()));
        List<String> nodeTargets = nodeNames.stream().map(node -> node + ":").toList();
        if (new ArrayList<>(devicesByTarget.keySet()).equals(nodeTargets)
                && devicesByTarget.values().stream().distinct().count() == 1) {
            return new Lines("fencing_topology " + devicesByTarget.values().iterator().next());
        }
        Lines lines = new Lines("fencing_topology");
        devicesByTarget.forEach((target, devices) -> lines.line(target + " " + devices));
        return lines;
    }

    /** How crm writes the target, or null if the level has none. */
    private static String target(FencingLevel level) {
        if (level.getTargetPattern() != null) {
            return "pattern:" + level.getTargetPattern();
        }
        if (level.getTargetAttribute() != null && level.getTargetValue() != null) {
            return "attr:" + level.getTargetAttribute() + "=" + level.getTargetValue();
        }
        return level.getTarget() == null ? null : level.getTarget() + ":";
    }

    private static int index(FencingLevel level) {
        try {
            return Integer.parseInt(level.getIndex());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
