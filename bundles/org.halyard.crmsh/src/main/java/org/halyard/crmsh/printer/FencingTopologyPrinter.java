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
 * of crm syntax: loading the text gives the levels the ids crm gives them. Indexes are not
 * either, only their order: when a target's levels are not numbered 1, 2... the topology is
 * shown as xml, as crm does, which keeps indexes and ids.
 */
final class FencingTopologyPrinter {

    private FencingTopologyPrinter() {
    }

    /** The statement, or null when there are no levels. */
    static Lines print(FencingTopology topology, List<String> nodeNames) {
        if (topology.levels().isEmpty()) {
            return null;
        }
        Map<String, List<FencingLevel>> byTarget = new LinkedHashMap<>();
        for (FencingLevel level : topology.levels()) {
            String target = target(level);
            if (target == null || !Values.isWord(target) || level.deviceIds().isEmpty()
                    || !Values.isWord(String.join(",", level.deviceIds()))) {
                return XmlLines.of(topology);
            }
            byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(level);
        }
        Map<String, String> devicesByTarget = new LinkedHashMap<>();
        for (Map.Entry<String, List<FencingLevel>> entry : byTarget.entrySet()) {
            List<FencingLevel> levels = new ArrayList<>(entry.getValue());
            levels.sort(Comparator.comparingInt(FencingTopologyPrinter::index));
            for (int i = 0; i < levels.size(); i++) {
                if (index(levels.get(i)) != i + 1) {
                    return XmlLines.of(topology);
                }
            }
            devicesByTarget.put(entry.getKey(), String.join(" ", levels.stream()
                    .map(level -> String.join(",", level.deviceIds())).toList()));
        }
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
