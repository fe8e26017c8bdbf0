package org.halyard.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.NodeEntry;

/** Which nodelist entry this daemon is: named on the command line, or the one whose address is local. */
final class LocalNode {

    private LocalNode() {
    }

    static NodeEntry find(ClusterConfig config, Optional<String> named, Path clusterConf) {
        if (named.isPresent()) {
            return config.node(named.get()).orElseThrow(() -> new DaemonException("--node " + named.get()
                    + ": no such node in the nodelist of " + clusterConf + " (it has " + names(config.nodes()) + ")"));
        }
        List<NodeEntry> local = config.nodes().stream().filter(LocalNode::isLocal).toList();
        if (local.size() == 1) {
            return local.get(0);
        }
        throw new DaemonException(local.isEmpty()
                ? "none of the nodes in " + clusterConf + " (" + names(config.nodes())
                        + ") has a ring0_addr of this machine; start halyardd with --node NAME"
                : "several nodes in " + clusterConf + " have a ring0_addr of this machine (" + names(local)
                        + "); start halyardd with --node NAME");
    }

    private static boolean isLocal(NodeEntry node) {
        try {
            InetAddress address = InetAddress.getByName(node.ring0Addr());
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException e) {
            return false;
        } catch (IOException e) {
            throw new DaemonException("cannot list this machine's network interfaces: " + e.getMessage(), e);
        }
    }

    private static String names(List<NodeEntry> nodes) {
        return String.join(", ", nodes.stream().map(NodeEntry::name).toList());
    }
}
