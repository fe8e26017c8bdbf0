package org.halyard.daemon.control;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cluster.membership.ClusterView;

/**
 * The status section as every member holds it: each node's own history, as that node last
 * broadcast it, and which nodes are known to be down cleanly (fenced, or shut down with
 * nothing running). Combined with membership it gives the scheduler its input. Every member
 * applies the same broadcasts in the same order, so every member holds the same status.
 */
public final class ClusterStatus {

    private final Map<String, NodeHistory> nodes = new LinkedHashMap<>();
    private final Set<String> cleanlyDown = new HashSet<>();

    /** A node's history arrived: it is up and this is what it runs. */
    public synchronized void update(NodeHistory history) {
        nodes.put(history.node(), history);
        cleanlyDown.remove(history.node());
    }

    /** The node is known to run nothing: fenced, or left after stopping everything. */
    public synchronized void down(String node) {
        nodes.remove(node);
        cleanlyDown.add(node);
    }

    public synchronized Optional<NodeHistory> history(String node) {
        return Optional.ofNullable(nodes.get(node));
    }

    public synchronized Map<String, NodeHistory> histories() {
        return Map.copyOf(nodes);
    }

    /** True when a member has not reported its history yet (it has just joined). */
    public synchronized boolean waitingFor(ClusterView view) {
        return view.members().stream().anyMatch(m -> !nodes.containsKey(m.name()));
    }

    /**
     * True while a member has not reported its probe of a configured primitive: a resource
     * just added is probed on every node first, so it is never started where it already runs.
     */
    public synchronized boolean waitingForProbes(Cib configuration, ClusterView view) {
        List<String> ids = LocalResourceManager.probeIds(configuration);
        return view.members().stream().map(m -> nodes.get(m.name())).anyMatch(
                history -> history != null && !history.resources().keySet().containsAll(ids));
    }

    /**
     * The CIB the scheduler works on: the configuration with a status section built from the
     * histories and the membership. A member that has not reported yet counts as not running
     * the controller; a node that left while running something keeps its history (and is
     * unclean, to be fenced, when fencing is enabled).
     */
    public synchronized Cib schedulerInput(Cib configuration, ClusterView view, boolean quorate, String dcName) {
        StringBuilder status = new StringBuilder("<status>");
        for (Node node : configuration.configuration().flatMap(c -> c.nodes()).map(n -> n.nodes())
                .orElse(List.of())) {
            String name = node.getUname();
            long id = parseId(node.getId());
            NodeHistory history = nodes.get(name);
            boolean member = view.contains(name);
            if (member && history != null) {
                status.append(history.toXml("true", "online", "member", "member"));
            } else if (member) {
                status.append(NodeHistory.empty(name, id).toXml("true", "offline", "pending", "member"));
            } else if (history != null && !cleanlyDown.contains(name)) {
                status.append(history.toXml("false", "offline", "down", "member"));
            } else {
                status.append(NodeHistory.empty(name, id).toXml("false", "offline", "down", "down"));
            }
        }
        status.append("</status>");
        Cib cib = CibXml.parse(CibXml.toXml(configuration), "the configuration");
        Cib withStatus = CibXml.parse("<cib admin_epoch=\"0\" epoch=\"0\" num_updates=\"0\">"
                + "<configuration><crm_config/><nodes/><resources/><constraints/></configuration>" + status
                + "</cib>", "the status section");
        cib.setStatus(withStatus.status().orElseThrow());
        cib.setHaveQuorum(quorate ? "1" : "0");
        cib.setDcUuid(dcName == null ? null : dcId(configuration, dcName));
        return cib;
    }

    private static String dcId(Cib configuration, String dcName) {
        return configuration.configuration().flatMap(c -> c.nodes()).map(n -> n.nodes()).orElse(List.of())
                .stream().filter(n -> dcName.equals(n.getUname())).map(Node::getId).findFirst().orElse(null);
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
