package org.halyard.cluster.config;

import java.util.Objects;

/**
 * One {@code nodelist { node { ... } }} entry: a cluster member.
 *
 * @param nodeid      {@code nodeid}: the node's number in membership and in the CIB
 *                    ({@code <node id="...">}); 1..4294967295. When the transport is udp or udpu
 *                    and no nodeid is written, it is derived from the IPv4 {@code ring0_addr} as
 *                    corosync does (the address as a 32-bit number, high bit cleared with
 *                    {@code totem.clear_node_high_bit: yes}).
 * @param name        {@code name}, or {@code ring0_addr} when no name is written (as Pacemaker does)
 * @param ring0Addr   {@code ring0_addr}: the address or host name Halyard connects to
 * @param quorumVotes {@code quorum_votes}, default 1
 */
public record NodeEntry(long nodeid, String name, String ring0Addr, int quorumVotes) {

    public NodeEntry {
        if (nodeid < 1 || nodeid > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("nodeid out of range: " + nodeid);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ring0Addr, "ring0Addr");
        if (quorumVotes < 0) {
            throw new IllegalArgumentException("negative quorum_votes: " + quorumVotes);
        }
    }
}
