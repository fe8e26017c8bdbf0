package org.halyard.cluster.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster configuration read from corosync.conf: what Halyard runs with, plus the warnings
 * about what it ignored or treats differently. Obtain one with {@link ClusterConfigReader}; the
 * key-by-key mapping is described in the package documentation and in {@link Totem},
 * {@link NodeEntry}, {@link QuorumConfig} and {@link LoggingConfig}.
 *
 * @param totem    timeouts, transport and key file
 * @param nodes    the members, in file order; never empty
 * @param quorum   votequorum settings
 * @param logging  log destinations and levels
 * @param warnings everything reported but not refused, in file order
 */
public record ClusterConfig(
        Totem totem,
        List<NodeEntry> nodes,
        QuorumConfig quorum,
        LoggingConfig logging,
        List<ConfigDiagnostic> warnings) {

    public ClusterConfig {
        Objects.requireNonNull(totem, "totem");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(logging, "logging");
        warnings = List.copyOf(warnings);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one node");
        }
    }

    /** The node with this {@code name} (or {@code ring0_addr} where no name is given). */
    public Optional<NodeEntry> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The node with this nodeid. */
    public Optional<NodeEntry> node(long nodeid) {
        return nodes.stream().filter(n -> n.nodeid() == nodeid).findFirst();
    }
}
