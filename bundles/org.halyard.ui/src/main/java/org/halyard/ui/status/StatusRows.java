package org.halyard.ui.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.FailCount;
import org.halyard.api.StatusReport.FailedAction;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.api.StatusReport.ResourceStatus;

/**
 * Every row the status view shows, keyed so that the same row in two reports has the same key
 * and a row whose content changed can be found: nodes by name, resources by their path in the
 * tree (a clone's instances by node too), failures by resource, node and operation.
 */
public final class StatusRows {

    /** A row's key and a fingerprint of what it shows; a different fingerprint means it changed. */
    private final Map<String, String> fingerprints = new LinkedHashMap<>();

    private StatusRows() {
    }

    public static StatusRows of(StatusReport report) {
        StatusRows rows = new StatusRows();
        if (report == null) {
            return rows;
        }
        for (NodeStatus node : report.nodes) {
            rows.fingerprints.put(nodeKey(node), String.valueOf(node.state));
        }
        rows.addResources(report.resources, "");
        for (FailedAction failure : report.failedActions) {
            rows.fingerprints.put(failureKey(failure), failure.rc + "|" + failure.rcText + "|" + failure.exitReason
                    + "|" + failure.time);
        }
        for (FailCount count : report.failCounts) {
            rows.fingerprints.put(failCountKey(count), count.count + "|" + count.migrationThreshold);
        }
        return rows;
    }

    private void addResources(List<ResourceStatus> resources, String parent) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ResourceStatus resource : resources) {
            String key = resourceKey(parent, resource, seen);
            fingerprints.put(key, resource.kind + "|" + resource.role + "|" + resource.node + "|" + resource.managed
                    + "|" + resource.targetRole);
            addResources(resource.members, key);
        }
    }

    public static String nodeKey(NodeStatus node) {
        return "node:" + node.name;
    }

    /**
     * A resource's key under its parent's: the id, and for clone instances (which share an id)
     * the node, or the position among unplaced instances.
     */
    static String resourceKey(String parent, ResourceStatus resource, Map<String, Integer> seen) {
        // a member's key extends its parent's path, so the prefix is not repeated
        String base = (parent.startsWith("rsc:") ? parent.substring(4) : parent) + "/" + resource.id;
        String where = resource.node != null ? "@" + resource.node : "";
        String key = base + where;
        int n = seen.merge(key, 1, Integer::sum);
        return n == 1 ? "rsc:" + key : "rsc:" + key + "#" + n;
    }

    public static String failureKey(FailedAction failure) {
        return "failed:" + failure.resource + "@" + failure.node + ":" + failure.operation;
    }

    public static String failCountKey(FailCount count) {
        return "failcount:" + count.resource + "@" + count.node;
    }

    /** The keys of rows that are new in {@code now} or show something else than in {@code before}. */
    public static List<String> changed(StatusRows before, StatusRows now) {
        List<String> changed = new ArrayList<>();
        now.fingerprints.forEach((key, print) -> {
            if (!Objects.equals(before.fingerprints.get(key), print)) {
                changed.add(key);
            }
        });
        return changed;
    }

    /** The key of every resource row, in tree order, for the view to tag its items with. */
    public static List<String> resourceKeys(List<ResourceStatus> resources, String parent) {
        List<String> keys = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ResourceStatus resource : resources) {
            keys.add(resourceKey(parent, resource, seen));
        }
        return keys;
    }
}
