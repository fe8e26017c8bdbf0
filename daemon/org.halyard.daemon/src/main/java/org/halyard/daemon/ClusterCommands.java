package org.halyard.daemon;

import java.util.List;
import java.util.Optional;

import org.halyard.api.ApiException;
import org.halyard.api.ErrorCode;
import org.halyard.api.Request;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cluster.replication.ReplicationException;

/**
 * The resource and node commands, with crm's meaning: each is a change of the configuration
 * (target-role, cli-prefer/cli-ban constraints, node attributes), made here so the CLI and the
 * client share one implementation, or a request to the controllers (cleanup).
 */
final class ClusterCommands {

    private final Daemon daemon;

    ClusterCommands(Daemon daemon) {
        this.daemon = daemon;
    }

    /** {@code resource} op: action start|stop|restart|move|unmove|cleanup|promote|demote, rsc, [node]. */
    String resource(Request request) {
        String action = required(request, "action");
        String rsc = required(request, "rsc");
        String node = request.arg("node").orElse(null);
        requireCib();
        Resource resource = findResource(daemon.replica().current(), rsc);
        if (node != null) {
            findNode(daemon.replica().current(), node);
        }
        return switch (action) {
            case "start" -> targetRole(rsc, "Started", "started");
            case "stop" -> targetRole(rsc, "Stopped", "stopped");
            case "promote" -> {
                requirePromotable(resource);
                yield targetRole(rsc, "Promoted", "promoted");
            }
            case "demote" -> {
                requirePromotable(resource);
                yield targetRole(rsc, "Unpromoted", "demoted");
            }
            case "restart" -> {
                targetRole(rsc, "Stopped", "stopped");
                daemon.awaitStopped(rsc);
                yield targetRole(rsc, "Started", "restarted");
            }
            case "move" -> move(rsc, node);
            case "unmove" -> unmove(rsc);
            case "cleanup" -> {
                daemon.controller().cleanup(rsc, node);
                yield "cleaned up " + rsc + (node == null ? " on all nodes" : " on " + node) + ": probing again";
            }
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "unknown resource action \"" + action
                    + "\" (start, stop, restart, move, unmove, cleanup, promote, demote)");
        };
    }

    /** {@code node} op: action standby|online|maintenance|ready, node. */
    String node(Request request) {
        String action = required(request, "action");
        String node = required(request, "node");
        requireCib();
        findNode(daemon.replica().current(), node);
        return switch (action) {
            case "standby" -> nodeAttribute(node, "standby", "on", node + " is in standby: its resources move away");
            case "online" -> nodeAttribute(node, "standby", "off", node + " is online");
            case "maintenance" -> nodeAttribute(node, "maintenance", "on",
                    node + " is in maintenance: its resources are left alone");
            case "ready" -> nodeAttribute(node, "maintenance", "off", node + " is out of maintenance");
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "unknown node action \"" + action
                    + "\" (standby, online, maintenance, ready)");
        };
    }

    /** A node waiting for a peer's CIB may change nothing and knows no resource: it says so, not "not found". */
    private void requireCib() {
        try {
            daemon.replica().requireCopy();
        } catch (ReplicationException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, e.getMessage(), e);
        }
    }

    private String targetRole(String rsc, String role, String done) {
        daemon.change("resource " + rsc + " target-role=" + role, cib -> {
            Resource resource = findResource(cib, rsc);
            metaAttributes(resource).put("target-role", role);
        });
        return rsc + " " + done.replace("restarted", "restarted (stopped, then started)")
                + (role.equals("Stopped") || role.equals("Started") ? "" : " (target-role " + role + ")");
    }

    private String move(String rsc, String node) {
        if (node == null) {
            String current = daemon.runningOn(rsc).orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                    rsc + " runs nowhere: name the node to move it to"));
            daemon.change("ban " + rsc + " from " + current, cib -> location(cib, "cli-ban-" + rsc + "-on-" + current,
                    rsc, current, "-INFINITY"));
            return rsc + " is banned from " + current + " (constraint cli-ban-" + rsc + "-on-" + current
                    + "; 'unmove' removes it)";
        }
        daemon.change("move " + rsc + " to " + node, cib -> location(cib, "cli-prefer-" + rsc, rsc, node,
                "INFINITY"));
        return rsc + " moves to " + node + " (constraint cli-prefer-" + rsc + "; 'unmove' removes it)";
    }

    private String unmove(String rsc) {
        int[] removed = {0};
        daemon.change("unmove " + rsc, cib -> {
            Constraints constraints = cib.configuration().flatMap(Configuration::constraints).orElse(null);
            if (constraints == null) {
                return;
            }
            for (Constraint c : List.copyOf(constraints.constraints())) {
                String id = c.getId();
                if (id != null && (id.equals("cli-prefer-" + rsc) || id.startsWith("cli-ban-" + rsc + "-on-"))) {
                    constraints.remove(c);
                    removed[0]++;
                }
            }
        });
        return removed[0] == 0 ? rsc + " had no move or ban constraints"
                : "removed " + removed[0] + " move/ban constraint" + (removed[0] == 1 ? "" : "s") + " of " + rsc;
    }

    private static void location(Cib cib, String id, String rsc, String node, String score) {
        Configuration config = cib.configuration().orElseThrow();
        Constraints constraints = config.constraints().orElseGet(() -> {
            Constraints created = new Constraints();
            config.setConstraints(created);
            return created;
        });
        constraints.constraints().stream().filter(c -> id.equals(c.getId())).findFirst()
                .ifPresent(constraints::remove);
        LocationConstraint location = new LocationConstraint();
        location.setId(id);
        location.setRsc(rsc);
        location.setNode(node);
        location.setScore(score);
        location.setRole("Started");
        constraints.add(location);
    }

    private String nodeAttribute(String node, String name, String value, String done) {
        daemon.change("node " + node + " " + name + "=" + value, cib -> {
            Node n = findNode(cib, node);
            InstanceAttributes set = n.instanceAttributes().stream().findFirst().orElseGet(() -> {
                InstanceAttributes created = new InstanceAttributes();
                created.setId("nodes-" + n.getId());
                n.add(created);
                return created;
            });
            set.put(name, value);
        });
        return done;
    }

    private static AttributeSet metaAttributes(Resource resource) {
        return resource.metaAttributes().stream().findFirst().orElseGet(() -> {
            MetaAttributes created = new MetaAttributes();
            created.setId(resource.getId() + "-meta_attributes");
            resource.add(created);
            return created;
        });
    }

    private static void requirePromotable(Resource resource) {
        if (!(resource instanceof Master || resource instanceof Clone clone && clone.isPromotable())) {
            throw new ApiException(ErrorCode.BAD_REQUEST, resource.getId() + " is not a promotable clone");
        }
    }

    static Resource findResource(Cib cib, String id) {
        Optional<Resource> found = cib.configuration().flatMap(Configuration::resources).flatMap(r -> r.find(id));
        return found.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no resource \"" + id
                + "\" in the configuration (it has " + String.join(", ", cib.configuration()
                        .flatMap(Configuration::resources).map(Resources::allResources).orElse(List.of()).stream()
                        .map(Resource::getId).toList()) + ")"));
    }

    static Node findNode(Cib cib, String name) {
        Nodes nodes = cib.configuration().flatMap(Configuration::nodes).orElseThrow(
                () -> new ApiException(ErrorCode.NOT_FOUND, "the configuration has no nodes section"));
        return nodes.byName(name).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no node \"" + name
                + "\" in the cluster (it has " + String.join(", ", nodes.nodes().stream().map(Node::getUname).toList())
                + ")"));
    }

    private static String required(Request request, String name) {
        return request.arg(name).orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST, request.op()
                + " needs the argument " + name));
    }
}
