package org.halyard.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.status.Lrm;
import org.halyard.cib.model.status.OperationHistory;
import org.halyard.cib.model.status.ResourceHistory;
import org.halyard.cib.model.status.Status;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.history.OperationRecord;
import org.halyard.scheduler.location.LocationConstraints;
import org.halyard.scheduler.location.NodeHealth;

/**
 * Names the features a CIB uses that this scheduler does not implement yet, so a caller can
 * refuse (or report) instead of computing a wrong answer.
 */
public final class FeatureSupport {

    private FeatureSupport() {
    }

    /** The unsupported features the CIB uses, sorted; empty when it is fully supported. */
    public static List<String> unsupported(Cib cib) {
        TreeSet<String> found = new TreeSet<>();
        Configuration config = cib.configuration().orElse(null);
        if (config == null) {
            return List.of();
        }
        for (Resource rsc : config.resources().map(Resources::allResources).orElse(List.of())) {
            resource(rsc, found);
        }
        if (!config.resources().map(Resources::templates).orElse(List.of()).isEmpty()) {
            found.add("template");
        }
        for (Node node : config.nodes().map(Nodes::nodes).orElse(List.of())) {
            if ("remote".equals(node.getType())) {
                found.add("remote node");
            }
        }
        config.constraints().ifPresent(constraints -> constraints(constraints, found));
        if (config.tags().map(t -> !t.tags().isEmpty()).orElse(false)) {
            found.add("tag");
        }
        ClusterOptions options = ClusterOptions.read(cib);
        if (!NodeHealth.supported(options.options().get("node-health-strategy"))) {
            found.add("node health strategy " + options.options().get("node-health-strategy"));
        }
        history(cib, found);
        return new ArrayList<>(found);
    }

    private static void resource(Resource rsc, TreeSet<String> found) {
        switch (rsc) {
            case Clone clone -> {
                // clones, promotable clones and their clone-min are all supported
            }
            case Primitive p -> {
                if (p.getTemplate() != null) {
                    found.add("template");
                }
                boolean unfencing = "unfencing".equals(p.metaAttribute("provides").orElse(null))
                        || p.instanceAttributes().stream()
                                .anyMatch(a -> "unfencing".equals(a.asMap().get("provides")));
                if (unfencing) {
                    found.add("unfencing");
                }
                if ("remote".equals(p.getType()) && "pacemaker".equals(p.getProvider())) {
                    found.add("remote node");
                }
            }
            default -> {
                if (!"group".equals(rsc.elementName())) {
                    found.add(rsc.elementName());
                }
            }
        }
        if (rsc.metaAttribute("remote-node").isPresent()) {
            found.add("guest node");
        }
        String multiple = rsc.metaAttribute("multiple-active").orElse("stop_start");
        if (!List.of("stop_start", "stop_only", "block", "stop_unexpected").contains(multiple)) {
            found.add("multiple-active=" + multiple);
        }
    }

    private static void constraints(Constraints constraints, TreeSet<String> found) {
        if (!constraints.tickets().isEmpty()) {
            found.add("ticket");
        }
        for (OrderConstraint order : constraints.orders()) {
            for (var set : order.resourceSets()) {
                if (set.getIdRef() != null) {
                    found.add("ordering set reference");
                }
            }
        }
        found.addAll(LocationConstraints.unsupported(constraints.locations()));
    }

    private static void history(Cib cib, TreeSet<String> found) {
        // resource id -> node name -> its history there
        Map<String, Map<String, ResourceHistory>> byResource = new HashMap<>();
        for (var state : cib.status().map(Status::nodeStates).orElse(List.of())) {
            for (ResourceHistory rh : state.lrm().map(Lrm::resourceHistories).orElse(List.of())) {
                if (rh.getContainer() != null) {
                    found.add("guest node");
                }
                byResource.computeIfAbsent(rh.getId(), k -> new HashMap<>()).put(state.getUname(), rh);
            }
        }
        for (Map<String, ResourceHistory> perNode : byResource.values()) {
            if (!completedMigrations(perNode)) {
                found.add("partial or failed migration");
            }
        }
    }

    /**
     * A finished live migration reads like a move: migrate_from on the new node started it, and
     * the old node stopped it after its migrate_to. A migrate_to without both (partial or
     * dangling), or a failed migration step, needs the recovery logic for interrupted
     * migrations, which is not implemented.
     */
    private static boolean completedMigrations(Map<String, ResourceHistory> perNode) {
        for (var entry : perNode.entrySet()) {
            long lastStartOrStop = -1;
            OperationHistory migrateTo = null;
            for (OperationHistory op : entry.getValue().operations()) {
                OperationRecord record = OperationRecord.of(op);
                String task = record.task();
                boolean migration = "migrate_to".equals(task) || "migrate_from".equals(task);
                if (migration && (record.rc() != 0 || record.status() != 0)) {
                    return false;
                }
                if ("migrate_to".equals(task)) {
                    migrateTo = op;
                } else if ("start".equals(task) || "stop".equals(task)) {
                    lastStartOrStop = Math.max(lastStartOrStop, record.callId());
                }
            }
            if (migrateTo != null && (lastStartOrStop < OperationRecord.of(migrateTo).callId()
                    || !migratedFrom(perNode.get(migrateTo.getMigrateTarget()), entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean migratedFrom(ResourceHistory target, String source) {
        return target != null && target.operations().stream().anyMatch(op -> "migrate_from".equals(op.getOperation())
                && source.equals(op.getMigrateSource()));
    }
}
