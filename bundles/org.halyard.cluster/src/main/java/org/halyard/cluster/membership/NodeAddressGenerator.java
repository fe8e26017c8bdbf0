package org.halyard.cluster.membership;

import org.halyard.cluster.config.NodeEntry;
import org.jgroups.Address;
import org.jgroups.stack.AddressGenerator;

/** Makes the channel's address carry the node's nodelist identity ({@link NodeIdentity}). */
final class NodeAddressGenerator implements AddressGenerator {

    private final NodeEntry node;

    NodeAddressGenerator(NodeEntry node) {
        this.node = node;
    }

    @Override
    @SuppressWarnings("deprecation") // the interface still requires it; JGroups calls generateAddress(String)
    public Address generateAddress() {
        return NodeIdentity.addressFor(node);
    }

    @Override
    public Address generateAddress(String name) {
        return NodeIdentity.addressFor(node);
    }
}
