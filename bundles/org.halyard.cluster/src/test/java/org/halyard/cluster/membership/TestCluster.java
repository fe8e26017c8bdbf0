package org.halyard.cluster.membership;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.halyard.cluster.auth.Authkey;
import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.ClusterConfigReader;
import org.halyard.cluster.config.NodeEntry;
import org.jgroups.JChannel;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.TCP;
import org.jgroups.stack.ProtocolStack;

/**
 * Nodes node1..nodeN on 127.0.0.1..N of one in-JVM test cluster, token 1000 ms, on a free port;
 * closes whatever it started.
 */
final class TestCluster implements AutoCloseable {

    static final Duration TOKEN = Duration.ofMillis(1000);
    private static final AtomicInteger CLUSTERS = new AtomicInteger();

    final String name = "hy-test-" + ProcessHandle.current().pid() + "-" + CLUSTERS.incrementAndGet();
    final ClusterConfig config;
    final int port;
    final Authkey key = Authkey.generate();
    private final List<ClusterMembership> members = new ArrayList<>();

    TestCluster(int nodes, String quorumOptions) {
        StringBuilder conf = new StringBuilder("totem {\n version: 2\n cluster_name: " + name + "\n token: "
                + TOKEN.toMillis() + "\n token_coefficient: 0\n}\nnodelist {\n");
        for (int i = 1; i <= nodes; i++) {
            conf.append(" node {\n  ring0_addr: 127.0.0.").append(i).append("\n  name: node").append(i)
                    .append("\n  nodeid: ").append(i).append("\n }\n");
        }
        conf.append("}\nquorum {\n provider: corosync_votequorum\n").append(quorumOptions).append("}\n");
        this.config = ClusterConfigReader.parse("test.conf", conf.toString());
        this.port = freePort(nodes);
    }

    NodeEntry node(String nodeName) {
        return config.node(nodeName).orElseThrow();
    }

    /** Starts a node with the cluster's key; its recorder is attached before the first view. */
    Recorder start(String nodeName) {
        return start(nodeName, key);
    }

    Recorder start(String nodeName, Authkey authkey) {
        ClusterMembership m = new ClusterMembership(config, node(nodeName), authkey, port);
        Recorder recorder = new Recorder(m);
        m.addListener(recorder);
        m.setMessageHandler("test", recorder);
        synchronized (members) {
            members.add(m);
        }
        m.start();
        return recorder;
    }

    /** A member not started yet, for callers that must attach their handler first; closed with the cluster. */
    ClusterMembership unstarted(String nodeName) {
        ClusterMembership m = new ClusterMembership(config, node(nodeName), key, port);
        synchronized (members) {
            members.add(m);
        }
        return m;
    }

    /**
     * Kills a node as the kernel would kill its process: its sockets close at once (FD_SOCK2's and
     * the transport's), nothing more leaves or arrives, and it never says goodbye or leaves.
     */
    static void kill(ClusterMembership m) {
        JChannel ch = m.channel();
        isolate(m);
        FD_SOCK2 fd = ch.getProtocolStack().findProtocol(FD_SOCK2.class);
        fd.stop();
        ((TCP) ch.getProtocolStack().getTransport()).clearConnections(false);
    }

    /**
     * Silences a node as SIGSTOP or a cut cable would: every packet in and out is dropped, but
     * its sockets stay open, so only heartbeats can tell.
     */
    static void isolate(ClusterMembership m) {
        JChannel ch = m.channel();
        try {
            ch.getProtocolStack().insertProtocol(new DISCARD().discardAll(true).setAddress(ch.getAddress()),
                    ProtocolStack.Position.ABOVE, TCP.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot insert DISCARD: " + e, e);
        }
    }

    /** Ends {@link #isolate}: the node's packets flow again, and the partitions merge. */
    static void heal(ClusterMembership m) {
        m.channel().getProtocolStack().removeProtocol(DISCARD.class);
    }

    @Override
    public void close() {
        List<ClusterMembership> toClose;
        synchronized (members) {
            toClose = List.copyOf(members);
            members.clear();
        }
        for (ClusterMembership m : toClose) {
            m.close();
        }
        awaitNoThreadsOf(name);
    }

    /** JGroups names its threads after the cluster: none may outlive the test. */
    private static void awaitNoThreadsOf(String cluster) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.contains(cluster)).toList();
            if (alive.isEmpty()) {
                return;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        fail("threads of " + cluster + " still alive after close: " + alive);
    }

    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port free on every node's loopback address, with FD_SOCK2's ports above it. */
    private static int freePort(int nodes) {
        Random random = new Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = 20_000 + random.nextInt(20_000);
            if (allFree(port, nodes)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found");
    }

    private static boolean allFree(int port, int nodes) {
        for (int i = 1; i <= nodes; i++) {
            for (int p : new int[] {port, port + 100, port + 101, port + 102, port + 103}) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + i), p));
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
