package org.halyard.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.halyard.cib.CibFileStore;
import org.halyard.cib.CibVersion;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cluster.replication.CibReplica;
import org.halyard.cluster.replication.ReplicationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CIB replicated over real JGroups channels on 127.0.0.1..3 in this JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CibReplicaTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private TestCluster cluster;
    private final List<CibReplica> replicas = new ArrayList<>();

    @AfterEach
    void close() {
        replicas.forEach(CibReplica::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    private CibReplica start(String node, Cib initial) {
        ClusterMembership m = cluster.unstarted(node);
        CibFileStore store = new CibFileStore(dir.resolve(node), 5);
        store.save(initial);
        CibReplica replica = new CibReplica(m, store, initial, node);
        replicas.add(replica);
        m.start();
        return replica;
    }

    private static Cib withPrimitive(Cib base, String id, CibVersion version) {
        Cib cib = CibXml.parse(CibXml.toXml(base), "test");
        Primitive p = new Primitive();
        p.setId(id);
        p.setAgentClass("ocf");
        p.setProvider("heartbeat");
        p.setType("Dummy");
        cib.configuration().orElseThrow().resources().orElseThrow().add(p);
        cib.setVersion(version);
        return cib;
    }

    private static boolean hasPrimitive(Cib cib, String id) {
        return cib.configuration().orElseThrow().resources().orElseThrow().find(id).isPresent();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private List<CibReplica> threeStarted() {
        cluster = new TestCluster(3, "");
        return List.of(start("node1", Cib.empty()), start("node2", Cib.empty()), start("node3", Cib.empty()));
    }

    @Test
    void aChangeOnOneNodeIsOnEveryNodeAndOnDiskWithTheNextEpoch() throws Exception {
        List<CibReplica> three = threeStarted();
        CibReplica node1 = three.get(0);
        await("three formed and quorate", () -> node1.version() != null && tryReplace(node1, "warmup"));
        await("all at 0.1.0", () -> three.stream().allMatch(r -> r.version().equals(new CibVersion(0, 1, 0))));
        long t0 = System.nanoTime();
        node1.replace(withPrimitive(node1.current(), "web", node1.version()), node1.version(), WAIT);
        await("every node has the change", () -> three.stream().allMatch(r -> hasPrimitive(r.current(), "web")));
        System.out.println("CIB change seen on all 3 nodes after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        for (CibReplica r : three) {
            assertEquals(new CibVersion(0, 2, 0), r.version());
        }
        Cib onDisk = new CibFileStore(dir.resolve("node3"), 5).load().orElseThrow().cib();
        assertEquals(new CibVersion(0, 2, 0), onDisk.version());
        assertTrue(hasPrimitive(onDisk, "web"), "persisted before anyone is told");
    }

    @Test
    void aStaleBaseIsRefusedNamingBothVersionsAndChangesNothing() throws Exception {
        List<CibReplica> three = threeStarted();
        CibReplica node2 = three.get(1);
        await("first change, once quorate", () -> tryReplace(node2, "a"));
        ReplicationException e = assertThrows(ReplicationException.class,
                () -> node2.replace(withPrimitive(node2.current(), "b", CibVersion.parse("0.0.0")),
                        CibVersion.parse("0.0.0"), WAIT));
        assertEquals(ReplicationException.Kind.STALE, e.kind());
        assertEquals("the change was based on CIB 0.0.0 but the cluster is at 0.1.0: someone changed it meanwhile; "
                + "read it again and redo the change", e.getMessage());
        assertTrue(three.stream().noneMatch(r -> hasPrimitive(r.current(), "b")));
    }

    @Test
    void ofTwoConcurrentChangesOnTheSameBaseExactlyOneWins() throws Exception {
        List<CibReplica> three = threeStarted();
        await("first change, once quorate", () -> tryReplace(three.get(0), "warmup"));
        CibVersion base = three.get(0).version();
        await("node2 caught up", () -> three.get(1).version().equals(base));
        CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> outcome(three.get(0), "from-node1", base));
        CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> outcome(three.get(1), "from-node2", base));
        List<String> outcomes = List.of(a.get(), b.get());
        assertEquals(1, outcomes.stream().filter(o -> o.equals("ok")).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(o -> o.equals("STALE")).count(), outcomes.toString());
        await("all replicas equal", () -> three.stream().map(r -> CibXml.toXml(r.current())).distinct().count() == 1);
    }

    private static boolean tryReplace(CibReplica r, String id) {
        try {
            r.replace(withPrimitive(r.current(), id, r.version()), r.version(), WAIT);
            return true;
        } catch (ReplicationException e) {
            return false;
        }
    }

    private static String outcome(CibReplica r, String id, CibVersion base) {
        try {
            r.replace(withPrimitive(r.current(), id, base), base, WAIT);
            return "ok";
        } catch (ReplicationException e) {
            return e.kind().name();
        }
    }

    @Test
    void aJoinerWithAnOlderCibAdoptsTheClustersAndANewerOneWins() throws Exception {
        cluster = new TestCluster(3, "");
        CibReplica node1 = start("node1", Cib.empty());
        CibReplica node2 = start("node2", Cib.empty());
        await("node1 and node2 quorate", () -> tryReplace(node1, "first"));
        CibVersion clusterVersion = node1.version();

        CibReplica node3 = start("node3", Cib.empty());
        await("node3 adopts the cluster's CIB", () -> node3.version().equals(clusterVersion)
                && hasPrimitive(node3.current(), "first"));

        node3.close();
        cluster.close();
        replicas.clear();
        cluster = new TestCluster(3, "");
        Cib newer = withPrimitive(Cib.empty(), "from-the-future", new CibVersion(0, 42, 0));
        CibReplica a = start("node1", Cib.empty());
        CibReplica b = start("node2", newer);
        await("the higher (admin_epoch, epoch, num_updates) wins on every node",
                () -> a.version().equals(new CibVersion(0, 42, 0)) && hasPrimitive(a.current(), "from-the-future"));
        assertEquals(new CibVersion(0, 42, 0), b.version());
    }

    @Test
    void withoutQuorumNoChangeIsAccepted() throws Exception {
        cluster = new TestCluster(3, "");
        CibReplica alone = start("node1", Cib.empty());
        ReplicationException e = assertThrows(ReplicationException.class,
                () -> alone.replace(withPrimitive(alone.current(), "x", alone.version()), alone.version(), WAIT));
        assertEquals(ReplicationException.Kind.NO_QUORUM, e.kind());
        assertTrue(e.getMessage().startsWith("this partition has no quorum ("), e.getMessage());
    }
}
