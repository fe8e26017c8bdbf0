package org.halyard.daemon;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.api.StatusReport.ResourceStatus;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.Cib;
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

/**
 * The crm_mon picture as this node sees it: membership and quorum from the cluster layer, the
 * resources from the CIB. Nothing runs resources yet (the executor is a later part), so every
 * primitive is reported Stopped, which is what it is.
 */
final class StatusReports {

    private StatusReports() {
    }

    static StatusReport build(ClusterConfig config, NodeEntry local, ClusterView view, QuorumState quorum,
            Optional<Member> dc, Cib cib) {
        StatusReport report = new StatusReport();
        report.cluster = config.totem().clusterName().orElse("(unnamed)");
        report.stack = "halyard";
        report.dc = dc.map(Member::name).orElse(null);
        report.quorate = quorum.quorate();
        report.votes = quorum.totalVotes();
        report.expectedVotes = quorum.expectedVotes();
        report.cibVersion = cib.version().toString();
        report.reportedBy = local.name();
        Set<String> standby = standbyNodes(cib);
        for (NodeEntry node : config.nodes()) {
            String state = !view.contains(node.name()) ? "offline" : standby.contains(node.name()) ? "standby" : "online";
            report.nodes.add(new NodeStatus(node.name(), node.nodeid(), state));
        }
        cib.configuration().flatMap(c -> c.resources()).ifPresent(resources -> {
            for (Resource resource : resources.resources()) {
                report.resources.add(resource(resource));
            }
        });
        return report;
    }

    private static Set<String> standbyNodes(Cib cib) {
        List<Node> nodes = cib.configuration().flatMap(c -> c.nodes()).map(n -> n.nodes()).orElse(List.of());
        return nodes.stream()
                .filter(n -> n.instanceAttributes().stream()
                        .anyMatch(set -> set.value("standby").map(CibValues::isTrue).orElse(false)))
                .map(Node::getUname).collect(Collectors.toSet());
    }

    private static ResourceStatus resource(Resource resource) {
        if (resource instanceof AgentResource primitive) {
            return new ResourceStatus(primitive.getId(), "primitive", primitive.agent(), "Stopped", null);
        }
        String kind = resource instanceof Group ? "group"
                : resource instanceof Master || (resource instanceof Clone clone && clone.isPromotable()) ? "promotable"
                : resource instanceof Clone ? "clone" : "bundle";
        ResourceStatus status = new ResourceStatus(resource.getId(), kind, null, null, null);
        for (Resource member : resource.members()) {
            status.members.add(resource(member));
        }
        return status;
    }
}
