package org.halyard.daemon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.FailCount;
import org.halyard.api.StatusReport.FailedAction;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.api.StatusReport.ResourceStatus;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.NodeEntry;
import org.halyard.cluster.membership.ClusterView;
import org.halyard.cluster.membership.Member;
import org.halyard.cluster.quorum.QuorumState;
import org.halyard.daemon.control.ClusterStatus;
import org.halyard.daemon.control.LocalResourceManager;
import org.halyard.daemon.control.NodeHistory;
import org.halyard.daemon.control.OcfNames;
import org.halyard.daemon.control.OperationRecord;
import org.halyard.daemon.control.ResourceDefinition;
import org.halyard.daemon.control.ResourceRecord;

/**
 * The crm_mon picture as this node sees it: membership and quorum from the cluster layer, the
 * configuration from the CIB, and what runs where from the nodes' histories, which every member
 * holds alike.
 */
final class StatusReports {

    private static final int INFINITY = 1_000_000;

    private StatusReports() {
    }

    static StatusReport build(ClusterConfig config, NodeEntry local, ClusterView view, QuorumState quorum,
            Optional<Member> dc, Cib cib, ClusterStatus status) {
        StatusReport report = new StatusReport();
        report.cluster = config.totem().clusterName().orElse("(unnamed)");
        report.stack = "halyard";
        report.dc = dc.map(Member::name).orElse(null);
        report.quorate = quorum.quorate();
        report.votes = quorum.totalVotes();
        report.expectedVotes = quorum.expectedVotes();
        report.cibVersion = cib.version().toString();
        report.reportedBy = local.name();
        Map<String, NodeHistory> histories = status.histories();
        Set<String> standby = nodesWith(cib, "standby");
        Set<String> maintenance = nodesWith(cib, "maintenance");
        boolean fencing = !"false".equalsIgnoreCase(String.valueOf(
                org.halyard.daemon.control.Controller.clusterOption(cib, "stonith-enabled")));
        for (NodeEntry node : config.nodes()) {
            String state;
            if (!view.contains(node.name())) {
                NodeHistory left = histories.get(node.name());
                state = fencing && left != null && anyActive(left) ? "unclean" : "offline";
            } else {
                state = maintenance.contains(node.name()) ? "maintenance"
                        : standby.contains(node.name()) ? "standby" : "online";
            }
            report.nodes.add(new NodeStatus(node.name(), node.nodeid(), state));
        }
        Map<String, NodeHistory> members = histories.entrySet().stream().filter(e -> view.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        cib.configuration().flatMap(c -> c.resources()).ifPresent(resources -> {
            for (Resource resource : resources.resources()) {
                report.resources.add(resource(resource, members));
            }
        });
        failures(members, cib, report);
        return report;
    }

    private static boolean anyActive(NodeHistory history) {
        return history.resources().values().stream().anyMatch(r -> LocalResourceManager.activeRole(r) != null);
    }

    private static Set<String> nodesWith(Cib cib, String attribute) {
        List<Node> nodes = cib.configuration().flatMap(c -> c.nodes()).map(n -> n.nodes()).orElse(List.of());
        return nodes.stream()
                .filter(n -> n.instanceAttributes().stream()
                        .anyMatch(set -> set.value(attribute).map(CibValues::isTrue).orElse(false)))
                .map(Node::getUname).collect(Collectors.toSet());
    }

    private static ResourceStatus resource(Resource resource, Map<String, NodeHistory> members) {
        if (resource instanceof AgentResource primitive) {
            return primitive(primitive, members);
        }
        boolean promotable = resource instanceof Master || (resource instanceof Clone c && c.isPromotable());
        String kind = resource instanceof Group ? "group" : promotable ? "promotable"
                : resource instanceof Clone ? "clone" : "bundle";
        ResourceStatus status = new ResourceStatus(resource.getId(), kind, null, null, null);
        meta(resource, status);
        if (resource instanceof Clone clone && clone.child().orElse(null) instanceof AgentResource child) {
            instances(child, members, status, promotable);
        } else {
            for (Resource member : resource.members()) {
                status.members.add(resource(member, members));
            }
        }
        return status;
    }

    private static ResourceStatus primitive(AgentResource primitive, Map<String, NodeHistory> members) {
        List<String[]> where = placements(primitive.getId(), members);
        String[] first = where.isEmpty() ? new String[] {null, "Stopped"} : where.get(0);
        ResourceStatus status = new ResourceStatus(primitive.getId(), "primitive", primitive.agent(), first[1],
                first[0]);
        meta(primitive, status);
        return status;
    }

    /** A clone's instances: one entry per node where it is active, or one Stopped entry. */
    private static void instances(AgentResource child, Map<String, NodeHistory> members, ResourceStatus clone,
            boolean promotable) {
        for (String[] placed : placements(child.getId(), members)) {
            // an instance of a promotable clone that is not promoted runs in the Unpromoted role
            String role = promotable && "Started".equals(placed[1]) ? "Unpromoted" : placed[1];
            clone.members.add(new ResourceStatus(child.getId(), "primitive", child.agent(), role, placed[0]));
        }
        if (clone.members.isEmpty()) {
            clone.members.add(new ResourceStatus(child.getId(), "primitive", child.agent(), "Stopped", null));
        }
    }

    /** (node, role) for every member node where the resource (or an instance of it) is active or failed. */
    private static List<String[]> placements(String id, Map<String, NodeHistory> members) {
        List<String[]> found = new ArrayList<>();
        for (NodeHistory history : members.values()) {
            for (ResourceRecord record : history.resources().values()) {
                if (!ResourceDefinition.baseId(record.id()).equals(id)) {
                    continue;
                }
                String role = LocalResourceManager.activeRole(record);
                if (failed(record)) {
                    found.add(new String[] {history.node(), "FAILED"});
                } else if (role != null) {
                    found.add(new String[] {history.node(), role});
                }
            }
        }
        found.sort((a, b) -> a[0].compareTo(b[0]));
        return found;
    }

    /** The last result of the resource is a failure that recovery has not dealt with yet. */
    private static boolean failed(ResourceRecord record) {
        OperationRecord last = record.last();
        if (last != null && (last.opStatus() != OperationRecord.DONE
                || !"stop".equals(last.operation()) && !"monitor".equals(last.operation()) && last.rc() != 0)) {
            return true;
        }
        return LocalResourceManager.activeRole(record) != null && record.operations().values().stream()
                .anyMatch(op -> op.intervalMs() > 0 && op.rc() != 0 && op.rc() != 8 && op.callId() > last.callId());
    }

    private static void meta(Resource resource, ResourceStatus status) {
        resource.metaAttribute("target-role").ifPresent(role -> status.targetRole = role);
        resource.metaAttribute("is-managed").ifPresent(managed -> status.managed = CibValues.isTrue(managed));
    }

    private static void failures(Map<String, NodeHistory> members, Cib cib, StatusReport report) {
        for (NodeHistory history : members.values()) {
            for (ResourceRecord record : history.resources().values()) {
                OperationRecord failure = record.operations().get(record.id() + "_last_failure_0");
                if (failure != null) {
                    report.failedActions.add(new FailedAction(record.id(), history.node(),
                            failure.operation() + "_" + failure.intervalMs(), failure.rc(),
                            OcfNames.describe(failure.rc(), failure.opStatus()), failure.exitReason(),
                            failure.lastRcChange() * 1000));
                }
            }
            Map<String, Integer> counts = new java.util.TreeMap<>();
            history.attributes().forEach((name, value) -> {
                if (name.startsWith("fail-count-")) {
                    String rsc = name.substring("fail-count-".length());
                    rsc = rsc.contains("#") ? rsc.substring(0, rsc.indexOf('#')) : rsc;
                    int n = "INFINITY".equals(value) ? INFINITY : Integer.parseInt(value);
                    counts.merge(rsc, n, (a, b) -> Math.min(INFINITY, a + b));
                }
            });
            counts.forEach((rsc, count) -> report.failCounts.add(new FailCount(rsc, history.node(), count,
                    migrationThreshold(cib, ResourceDefinition.baseId(rsc)))));
        }
    }

    private static int migrationThreshold(Cib cib, String rsc) {
        return ResourceDefinition.find(cib, rsc, "").map(d -> d.meta().get("migration-threshold"))
                .map(v -> "INFINITY".equalsIgnoreCase(v) ? INFINITY : Integer.parseInt(v.trim())).orElse(INFINITY);
    }

    /** The member nodes where rsc, an instance of it, or one of its members is active. */
    static Set<String> activeNodes(ClusterStatus status, Cib cib, String rsc) {
        Set<String> ids = new LinkedHashSet<>();
        cib.configuration().flatMap(c -> c.resources()).flatMap(r -> r.find(rsc))
                .ifPresent(r -> collectIds(r, ids));
        Set<String> nodes = new LinkedHashSet<>();
        status.histories().forEach((node, history) -> {
            for (ResourceRecord record : history.resources().values()) {
                if (ids.contains(ResourceDefinition.baseId(record.id()))
                        && LocalResourceManager.activeRole(record) != null) {
                    nodes.add(node);
                }
            }
        });
        return nodes;
    }

    private static void collectIds(Resource resource, Set<String> into) {
        into.add(resource.getId());
        resource.members().forEach(m -> collectIds(m, into));
    }
}
