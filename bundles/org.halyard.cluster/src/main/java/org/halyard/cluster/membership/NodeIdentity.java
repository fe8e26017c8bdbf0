package org.halyard.cluster.membership;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.halyard.cluster.config.NodeEntry;
import org.jgroups.Address;
import org.jgroups.util.ExtendedUUID;

/**
 * Puts a node's nodelist identity into its JGroups address. Every view carries full addresses,
 * so every member knows every other member's name and nodeid from the view itself, without
 * relying on JGroups' name cache having been filled by discovery in time.
 */
final class NodeIdentity {

    private static final String NODEID = "halyard.nodeid";
    private static final String NAME = "halyard.name";

    private NodeIdentity() {
    }

    /** A fresh address (random UUID, as JGroups would make) carrying {@code node}'s identity. */
    static Address addressFor(NodeEntry node) {
        return ExtendedUUID.randomUUID(node.name())
                .put(NODEID, ByteBuffer.allocate(Long.BYTES).putLong(node.nodeid()).array())
                .put(NAME, node.name().getBytes(StandardCharsets.UTF_8));
    }

    /** The identity an address carries, if it was made by {@link #addressFor}. */
    static Optional<Member> memberOf(Address address) {
        if (address instanceof ExtendedUUID uuid) {
            byte[] nodeid = uuid.get(NODEID);
            byte[] name = uuid.get(NAME);
            if (nodeid != null && nodeid.length == Long.BYTES && name != null) {
                return Optional.of(new Member(ByteBuffer.wrap(nodeid).getLong(), new String(name, StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }
}
