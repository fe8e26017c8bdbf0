package org.halyard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.halyard.api.ApiClient;
import org.halyard.api.ApiException;
import org.halyard.api.StatusReport;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.CrmConfig;
import org.halyard.cib.model.attributes.ClusterPropertySet;

/** {@code halyard property set} and {@code halyard node standby|online}, as crm's commands of those names. */
final class ClusterCommands {

    private ClusterCommands() {
    }

    /** {@code property set NAME=VALUE...}: cluster options in cib-bootstrap-options. */
    static int property(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard property");
        if (args.isEmpty() || !args.get(0).equals("set") || args.size() < 2) {
            throw new Halyard.UsageException("halyard property: usage: property set NAME=VALUE...");
        }
        List<String[]> pairs = args.subList(1, args.size()).stream().map(ClusterCommands::nameValue).toList();
        return LiveCluster.change(socket, out, "halyard property set", cib -> {
            ClusterPropertySet options = bootstrapOptions(cib.configuration().orElseThrow());
            pairs.forEach(pair -> options.put(pair[0], pair[1]));
        });
    }

    private static String[] nameValue(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            throw new Halyard.UsageException("halyard property set: \"" + arg + "\" is not NAME=VALUE");
        }
        return new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
    }

    private static ClusterPropertySet bootstrapOptions(Configuration configuration) {
        CrmConfig crmConfig = configuration.crmConfig().orElseGet(() -> {
            CrmConfig created = new CrmConfig();
            configuration.setCrmConfig(created);
            return created;
        });
        return crmConfig.clusterPropertySets().stream()
                .filter(set -> CrmConfig.BOOTSTRAP_OPTIONS_ID.equals(set.getId())).findFirst().orElseGet(() -> {
                    ClusterPropertySet created = new ClusterPropertySet();
                    created.setId(CrmConfig.BOOTSTRAP_OPTIONS_ID);
                    crmConfig.add(created);
                    return created;
                });
    }

    private static final List<String> NODE_ACTIONS = List.of("standby", "online", "maintenance", "ready");
    private static final List<String> RESOURCE_ACTIONS = List.of("start", "stop", "restart", "move", "unmove",
            "cleanup", "promote", "demote");

    /** {@code node standby|online|maintenance|ready NODE}: done by the daemon, as crm does it. */
    static int node(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard node");
        if (args.size() != 2 || !NODE_ACTIONS.contains(args.get(0))) {
            throw new Halyard.UsageException("halyard node: usage: node standby|online|maintenance|ready NODE");
        }
        return LiveCluster.command(socket, out, "halyard node " + args.get(0), client -> client.request("node")
                .with("action", args.get(0)).with("node", args.get(1)));
    }

    /** {@code resource ACTION RSC [NODE]}: crm resource's commands. */
    static int resource(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard resource");
        if (args.size() < 2 || args.size() > 3 || !RESOURCE_ACTIONS.contains(args.get(0))) {
            throw new Halyard.UsageException("halyard resource: usage: resource "
                    + String.join("|", RESOURCE_ACTIONS) + " RSC [NODE]");
        }
        if (args.size() == 3 && !List.of("move", "cleanup").contains(args.get(0))) {
            throw new Halyard.UsageException("halyard resource " + args.get(0) + ": takes no node (only move and "
                    + "cleanup do)");
        }
        return LiveCluster.command(socket, out, "halyard resource " + args.get(0), client -> {
            var request = client.request("resource").with("action", args.get(0)).with("rsc", args.get(1));
            return args.size() == 3 ? request.with("node", args.get(2)) : request;
        });
    }

    /** {@code failcount show|clear RSC [NODE]}: the fail counts from the status, or a cleanup. */
    static int failcount(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard failcount");
        if (args.size() < 2 || args.size() > 3 || !List.of("show", "clear").contains(args.get(0))) {
            throw new Halyard.UsageException("halyard failcount: usage: failcount show|clear RSC [NODE]");
        }
        String rsc = args.get(1);
        String node = args.size() == 3 ? args.get(2) : null;
        if (args.get(0).equals("clear")) {
            return LiveCluster.command(socket, out, "halyard failcount clear", client -> {
                var request = client.request("resource").with("action", "cleanup").with("rsc", rsc);
                return node == null ? request : request.with("node", node);
            });
        }
        try (ApiClient client = ApiClient.connect(socket)) {
            StatusReport report = client.call(client.request("status")).payload(StatusReport.class);
            List<StatusReport.FailCount> counts = report.failCounts.stream()
                    .filter(c -> c.resource.equals(rsc) || c.resource.startsWith(rsc + ":"))
                    .filter(c -> node == null || c.node.equals(node)).toList();
            if (counts.isEmpty()) {
                out.println(rsc + ": no failures" + (node == null ? "" : " on " + node));
            }
            counts.forEach(c -> out.println("scope=status name=fail-count-" + c.resource + " node=" + c.node
                    + " value=" + (c.count >= 1_000_000 ? "INFINITY" : Integer.toString(c.count))));
            return Halyard.OK;
        } catch (ApiException e) {
            out.println("halyard failcount show: " + e.getMessage());
            return Halyard.FAILED;
        }
    }
}
