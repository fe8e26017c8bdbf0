package org.halyard.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.api.StatusReport.ResourceStatus;

/** A {@link StatusReport} printed the way {@code crm_mon -1 -r} prints a cluster. */
final class StatusText {

    private StatusText() {
    }

    static String render(StatusReport report) {
        StringBuilder out = new StringBuilder("Cluster Summary:\n");
        out.append("  * Stack: ").append(report.stack).append('\n');
        out.append("  * Current DC: ").append(report.dc == null ? "NONE" : report.dc)
                .append(report.quorate ? " - partition with quorum" : " - partition WITHOUT quorum")
                .append(" (").append(report.votes).append(" of ").append(report.expectedVotes)
                .append(" expected votes)\n");
        out.append("  * Cluster: ").append(report.cluster).append(", CIB version ").append(report.cibVersion)
                .append(", reported by ").append(report.reportedBy).append('\n');
        out.append("  * ").append(count(report.nodes.size(), "node")).append(" configured\n");
        out.append("  * ").append(count(instances(report.resources), "resource instance")).append(" configured\n");

        out.append("\nNode List:\n");
        nodeLine(out, report.nodes, "Online", n -> n.state.equals("online"));
        nodeLine(out, report.nodes, "Node standby", n -> n.state.equals("standby"));
        nodeLine(out, report.nodes, "Node maintenance", n -> n.state.equals("maintenance"));
        nodeLine(out, report.nodes, "UNCLEAN (offline)", n -> n.state.equals("unclean"));
        nodeLine(out, report.nodes, "OFFLINE", n -> n.state.equals("offline"));

        out.append("\nFull List of Resources:\n");
        if (report.resources.isEmpty()) {
            out.append("  * No resources\n");
        }
        List<String> nodeNames = report.nodes.stream().map(n -> n.name).toList();
        for (ResourceStatus resource : report.resources) {
            resource(out, resource, "  ", nodeNames);
        }
        if (!report.failCounts.isEmpty()) {
            out.append("\nMigration Summary:\n");
            String node = null;
            for (StatusReport.FailCount count : report.failCounts) {
                if (!count.node.equals(node)) {
                    node = count.node;
                    out.append("  * Node: ").append(node).append(":\n");
                }
                out.append("    * ").append(count.resource).append(": migration-threshold=")
                        .append(infinity(count.migrationThreshold)).append(" fail-count=")
                        .append(infinity(count.count)).append('\n');
            }
        }
        if (!report.failedActions.isEmpty()) {
            out.append("\nFailed Resource Actions:\n");
            for (StatusReport.FailedAction failed : report.failedActions) {
                out.append("  * ").append(failed.resource).append('_').append(failed.operation).append(" on ")
                        .append(failed.node).append(" '").append(failed.rcText).append("' (").append(failed.rc)
                        .append(')');
                if (failed.exitReason != null && !failed.exitReason.isBlank()) {
                    out.append(": ").append(failed.exitReason);
                }
                out.append(" at ").append(java.time.Instant.ofEpochMilli(failed.time)).append('\n');
            }
        }
        return out.toString();
    }

    private static void nodeLine(StringBuilder out, List<NodeStatus> nodes, String label, Predicate<NodeStatus> which) {
        List<String> names = nodes.stream().filter(which).map(n -> n.name).toList();
        if (!names.isEmpty()) {
            out.append("  * ").append(label).append(": [ ").append(String.join(" ", names)).append(" ]\n");
        }
    }

    private static void resource(StringBuilder out, ResourceStatus resource, String indent, List<String> nodes) {
        if (resource.kind.equals("primitive")) {
            out.append(indent).append("* ").append(resource.id).append("\t(").append(resource.agent).append("):\t ")
                    .append(resource.role).append(resource.node == null ? "" : " " + resource.node)
                    .append(resource.managed ? "" : " (unmanaged)")
                    .append("Stopped".equals(resource.targetRole) ? " (disabled)" : "")
                    .append('\n');
            return;
        }
        boolean clone = resource.kind.equals("clone") || resource.kind.equals("promotable");
        if (clone && !resource.members.isEmpty()
                && resource.members.stream().allMatch(m -> m.kind.equals("primitive") && m.managed)) {
            cloneSummary(out, resource, indent, nodes);
            return;
        }
        String title = switch (resource.kind) {
            case "group" -> "Resource Group: ";
            case "clone", "promotable" -> "Clone Set: ";
            default -> resource.kind + ": ";
        };
        out.append(indent).append("* ").append(title).append(resource.id)
                .append(resource.kind.equals("promotable") ? " [promotable]" : "").append(":\n");
        for (ResourceStatus member : resource.members) {
            resource(out, member, indent + "  ", nodes);
        }
    }

    /**
     * A clone of primitives as crm_mon prints it: one line per role with its nodes, and the nodes
     * where no instance runs as Stopped.
     */
    private static void cloneSummary(StringBuilder out, ResourceStatus clone, String indent, List<String> nodes) {
        String child = clone.members.get(0).id.replaceFirst(":[0-9]+$", "");
        out.append(indent).append("* Clone Set: ").append(clone.id).append(" [").append(child).append(']')
                .append(clone.kind.equals("promotable") ? " (promotable)" : "").append(":\n");
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        for (String role : List.of("Promoted", "Unpromoted", "Started")) {
            byRole.put(role, new ArrayList<>());
        }
        List<String> running = new ArrayList<>();
        for (ResourceStatus instance : clone.members) {
            if (instance.node != null && !"Stopped".equals(instance.role)) {
                byRole.computeIfAbsent(instance.role, r -> new ArrayList<>()).add(instance.node);
                running.add(instance.node);
            }
        }
        byRole.forEach((role, where) -> {
            if (!where.isEmpty()) {
                out.append(indent).append("  * ").append(role).append(": [ ").append(String.join(" ", where))
                        .append(" ]\n");
            }
        });
        boolean anyStopped = clone.members.stream().anyMatch(m -> m.node == null || "Stopped".equals(m.role));
        List<String> idle = nodes.stream().filter(n -> !running.contains(n)).toList();
        if (anyStopped && !idle.isEmpty()) {
            out.append(indent).append("  * Stopped: [ ").append(String.join(" ", idle)).append(" ]\n");
        }
    }

    private static String infinity(int value) {
        return value >= 1_000_000 ? "INFINITY" : Integer.toString(value);
    }

    private static int instances(List<ResourceStatus> resources) {
        return resources.stream().mapToInt(r -> r.kind.equals("primitive") ? 1 : instances(r.members)).sum();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
