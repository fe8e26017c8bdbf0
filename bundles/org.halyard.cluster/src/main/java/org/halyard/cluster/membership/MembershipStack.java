package org.halyard.cluster.membership;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import javax.crypto.SecretKey;

import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.NodeEntry;
import org.halyard.cluster.transport.AeadEncryption;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.SEQUENCER;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;

/**
 * The JGroups stack of a Halyard node, bottom to top, built in code (no XML, no system
 * properties, nothing JGroups reads from the environment):
 * <pre>
 * TCP             ring0_addr : port, exact port (no port range), Nagle off
 * AeadEncryption  AES-256-GCM over every message (ours, directly above the transport)
 * TCPPING         discovery by the nodelist's ring0_addr : port
 * MERGE3          re-merge partitions
 * FD_SOCK2        crash detection by closed sockets; listens on port + 100
 * FD_ALL3         hang detection by heartbeats
 * VERIFY_SUSPECT2 double-check a suspicion before excluding
 * NAKACK2         reliable FIFO multicast
 * UNICAST3        reliable FIFO unicast
 * STABLE          garbage-collect delivered messages
 * AUTH            nodelist check of joiners ({@link NodelistToken})
 * GMS             views
 * SEQUENCER       total order; below flow control, the other way round deadlocks under load
 * UFC, MFC        flow control
 * FRAG4           fragmentation of large messages
 * </pre>
 * Timeouts come from {@link MembershipTimeouts}; everything else keeps JGroups' defaults.
 */
final class MembershipStack {

    /** Ports above the TCP port where FD_SOCK2 listens (it tries offset .. offset + 3). */
    static final int FD_SOCK_OFFSET = 100;

    private MembershipStack() {
    }

    static List<Protocol> build(ClusterConfig config, NodeEntry local, int port, SecretKey transportKey,
            String clusterName, MembershipTimeouts t) {
        InetAddress bindAddress = resolve(local);
        TCP tcp = new TCP();
        tcp.setBindAddress(bindAddress);
        tcp.setBindPort(port);
        tcp.setPortRange(0); // the nodelist names exact addresses; never drift to another port
        tcp.setSockConnTimeout(millisInt(t.connect()));
        tcp.threadNamingPattern("cl");
        tcp.setSuppressTimeDifferentClusterWarnings(60_000);
        tcp.setSuppressTimeDifferentVersionWarnings(60_000);

        TCPPING ping = new TCPPING();
        ping.setInitialHosts(config.nodes().stream()
                .map(n -> new InetSocketAddress(resolve(n), port)).toList());
        ping.setPortRange(0);

        MERGE3 merge = new MERGE3();
        merge.setMinInterval(t.mergeMinInterval().toMillis());
        merge.setMaxInterval(t.mergeMaxInterval().toMillis());

        FD_SOCK2 fdSock = new FD_SOCK2();
        // FD_SOCK2 would listen on every interface; peers look for it on ring0_addr only, and
        // another node of the same host (tests) would push it to the next port, where nobody looks first
        fdSock.setBindAddress(bindAddress);
        fdSock.setOffset(FD_SOCK_OFFSET);
        fdSock.setValue("connect_timeout", millisInt(t.connect()));

        FD_ALL3 fdAll = new FD_ALL3();
        fdAll.setTimeout(t.failureTimeout().toMillis());
        fdAll.setInterval(t.heartbeatInterval().toMillis());

        VERIFY_SUSPECT2 verify = new VERIFY_SUSPECT2();
        verify.setTimeout(t.verifySuspect().toMillis());

        NAKACK2 nakack = new NAKACK2();
        nakack.useMcastXmit(false); // TCP has no IP multicast: retransmit by unicast
        nakack.setXmitInterval(t.retransmit().toMillis());

        UNICAST3 unicast = new UNICAST3();
        unicast.setXmitInterval(t.retransmit().toMillis());

        AUTH auth = new AUTH();
        auth.setAuthToken(new NodelistToken(config));

        GMS gms = new GMS();
        gms.setJoinTimeout(t.join().toMillis());
        gms.setMergeTimeout(t.join().toMillis());
        gms.setViewAckCollectionTimeout(t.viewAck().toMillis());
        gms.setLeaveTimeout(t.leave().toMillis());
        gms.printLocalAddress(false);

        return List.of(tcp, new AeadEncryption(transportKey, clusterName), ping, merge, fdSock, fdAll, verify, nakack,
                unicast, new STABLE(), auth, gms, new SEQUENCER(), new UFC(), new MFC(), new FRAG4());
    }

    private static InetAddress resolve(NodeEntry node) {
        try {
            return InetAddress.getByName(node.ring0Addr());
        } catch (UnknownHostException e) {
            throw new MembershipException("cannot resolve ring0_addr " + node.ring0Addr() + " of node " + node.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private static int millisInt(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
