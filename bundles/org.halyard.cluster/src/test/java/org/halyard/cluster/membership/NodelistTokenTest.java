package org.halyard.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.ClusterConfigReader;
import org.halyard.cluster.config.NodeEntry;
import org.jgroups.Address;
import org.jgroups.EmptyMessage;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.Test;

class NodelistTokenTest {

    private static final ClusterConfig CONFIG = ClusterConfigReader.parse("t.conf", "totem {\n version: 2\n}\n"
            + "nodelist {\n node {\n  ring0_addr: 10.0.0.1\n  name: alpha\n  nodeid: 1\n }\n"
            + " node {\n  ring0_addr: 10.0.0.2\n  name: beta\n  nodeid: 2\n }\n}\n");
    private final NodelistToken token = new NodelistToken(CONFIG);

    private boolean admits(Address joiner) {
        return token.authenticate(new NodelistToken(), new EmptyMessage().setSrc(joiner));
    }

    @Test
    void addressesCarryTheNodeIdentity() {
        Address address = NodeIdentity.addressFor(CONFIG.node("beta").orElseThrow());
        assertEquals(Optional.of(new Member(2, "beta")), NodeIdentity.memberOf(address));
        assertEquals(Optional.empty(), NodeIdentity.memberOf(UUID.randomUUID()));
    }

    @Test
    void admitsNodesOfTheNodelistOnly() {
        assertTrue(admits(NodeIdentity.addressFor(CONFIG.node("alpha").orElseThrow())));
        assertFalse(admits(NodeIdentity.addressFor(new NodeEntry(3, "gamma", "10.0.0.3", 1))), "not in the nodelist");
        assertFalse(admits(NodeIdentity.addressFor(new NodeEntry(2, "alpha", "10.0.0.1", 1))), "name and nodeid disagree");
        assertFalse(admits(UUID.randomUUID()), "a plain JGroups member");
        assertFalse(new NodelistToken().authenticate(new NodelistToken(),
                new EmptyMessage().setSrc(NodeIdentity.addressFor(CONFIG.node("alpha").orElseThrow()))),
                "a token without configuration admits nobody");
    }
}
