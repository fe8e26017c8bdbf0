package org.halyard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.CrmConfig;
import org.halyard.cib.model.attributes.ClusterPropertySet;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;

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

    /** {@code node standby|online NODE}: the node's permanent standby attribute. */
    static int node(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard node");
        if (args.size() != 2 || !(args.get(0).equals("standby") || args.get(0).equals("online"))) {
            throw new Halyard.UsageException("halyard node: usage: node standby|online NODE");
        }
        String node = args.get(1);
        String standby = args.get(0).equals("standby") ? "on" : "off";
        return LiveCluster.change(socket, out, "halyard node " + args.get(0) + " " + node,
                cib -> instanceAttributes(findNode(cib, node)).put("standby", standby));
    }

    private static Node findNode(Cib cib, String name) {
        Nodes nodes = cib.configuration().orElseThrow().nodes().orElseThrow(
                () -> new IllegalArgumentException("the CIB has no nodes section"));
        return nodes.byName(name).orElseThrow(() -> new IllegalArgumentException("no node \"" + name
                + "\" in the cluster (it has " + String.join(", ", nodes.nodes().stream().map(Node::getUname).toList())
                + ")"));
    }

    private static InstanceAttributes instanceAttributes(Node node) {
        return node.instanceAttributes().stream().findFirst().orElseGet(() -> {
            InstanceAttributes created = new InstanceAttributes();
            created.setId("nodes-" + node.getId());
            node.add(created);
            return created;
        });
    }
}
