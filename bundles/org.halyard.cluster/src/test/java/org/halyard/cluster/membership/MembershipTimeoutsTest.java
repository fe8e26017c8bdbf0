package org.halyard.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.ClusterConfigReader;
import org.junit.jupiter.api.Test;

class MembershipTimeoutsTest {

    private static ClusterConfig threeNodes(String totemExtra) {
        return ClusterConfigReader.parse("t.conf", "totem {\n version: 2\n cluster_name: c\n" + totemExtra + "}\n"
                + "nodelist {\n" + node(1) + node(2) + node(3) + "}\nquorum {\n provider: corosync_votequorum\n}\n");
    }

    private static String node(int id) {
        return " node {\n  ring0_addr: 10.0.0." + id + "\n  nodeid: " + id + "\n }\n";
    }

    @Test
    void corosyncDefaultsForThreeNodes() {
        // token 3000 + 1 * 650 coefficient = 3650; consensus 1.2 * 3650 = 4380; retransmit 3650 / 4.2 = 869
        MembershipTimeouts t = MembershipTimeouts.from(threeNodes("").totem());
        assertEquals(Duration.ofMillis(869), t.heartbeatInterval());
        assertEquals(Duration.ofMillis(3650 - 869), t.failureTimeout());
        assertEquals(Duration.ofMillis(500), t.verifySuspect(), "a ping, not a third of consensus");
        assertEquals(Duration.ofMillis(1460), t.viewAck());
        assertEquals(Duration.ofMillis(4380), t.join());
        assertEquals(Duration.ofMillis(3650), t.mergeMinInterval());
        assertEquals(Duration.ofMillis(7300), t.mergeMaxInterval());
        assertEquals(Duration.ofMillis(869), t.retransmit());
    }

    @Test
    void killedNodesGoWithinTokenPlusTwoSecondsAndHungOnesWithinTokenPlusConsensus() {
        for (int token : new int[] {300, 1000, 3000, 10_000, 30_000}) {
            ClusterConfig config = threeNodes(" token: " + token + "\n token_coefficient: 0\n");
            MembershipTimeouts t = MembershipTimeouts.from(config.totem());
            Duration tokenTimeout = config.totem().effectiveToken();
            Duration consensus = config.totem().consensus();
            assertTrue(t.killedNodeExclusion().compareTo(tokenTimeout.plus(Duration.ofSeconds(2))) < 0, "token " + token);
            assertTrue(t.killedNodeExclusion().compareTo(Duration.ofSeconds(1)) <= 0,
                    "a killed process is out within a second, token " + token);
            assertTrue(t.hungNodeExclusion().compareTo(tokenTimeout.plus(consensus)) <= 0,
                    "token " + token + ": " + t.hungNodeExclusion() + " > " + tokenTimeout.plus(consensus));
            assertTrue(t.heartbeatInterval().multipliedBy(3).compareTo(t.failureTimeout()) <= 0,
                    "at least 3 heartbeats per timeout, token " + token);
        }
    }

    @Test
    void joinIsNeverShorterThanConsensusNorTenJoins() {
        MembershipTimeouts t = MembershipTimeouts.from(threeNodes(" token: 200\n token_coefficient: 0\n join: 200\n")
                .totem());
        assertEquals(Duration.ofMillis(2000), t.join(), "10 * join beats consensus (240 ms)");
        MembershipTimeouts defaults = MembershipTimeouts.from(threeNodes(" token: 1000\n token_coefficient: 0\n")
                .totem());
        assertEquals(Duration.ofMillis(1200), defaults.join(), "consensus beats 10 * 50 ms");
    }
}
