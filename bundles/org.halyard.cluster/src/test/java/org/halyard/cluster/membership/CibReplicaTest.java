package org.halyard.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.halyard.cib.CibFileStore;
import org.halyard.cib.CibVersion;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.resources.AgentResource;
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
    private final Map<String, ClusterMembership> members = new HashMap<>();
    /** What each node said it lost when it gave up its CIB for a peer's. */
    private final Map<String, List<String>> losses = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        replicas.forEach(CibReplica::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    private CibReplica start(String node, Cib initial) {
        CibFileStore store = new CibFileStore(dir.resolve(node), 5);
        store.save(initial);
        return started(node, m -> new CibReplica(m, store, initial, node));
    }

    /** A node that had no intact CIB at its start: nothing on disk, a placeholder in memory. */
    private CibReplica startAwaitingCopy(String node, Cib placeholder) {
        CibFileStore store = new CibFileStore(dir.resolve(node), 5);
        return started(node, m -> CibReplica.awaitingPeerCopy(m, store, placeholder, node));
    }

    private CibReplica started(String node, Function<ClusterMembership, CibReplica> create) {
        ClusterMembership m = cluster.unstarted(node);
        CibReplica replica = create.apply(m);
        List<String> lost = new CopyOnWriteArrayList<>();
        losses.put(node, lost);
        replica.addLossListener(lost::add);
        replicas.add(replica);
        members.put(node, m);
        m.start();
        return replica;
    }

    private static Cib withPrimitive(Cib base, String id, CibVersion version) {
        Cib cib = CibXml.parse(CibXml.toXml(base), "test");
        adding(id).accept(cib);
        cib.setVersion(version);
        return cib;
    }

    private static Consumer<Cib> adding(String id) {
        return cib -> {
            Primitive p = new Primitive();
            p.setId(id);
            p.setAgentClass("ocf");
            p.setProvider("heartbeat");
            p.setType("Dummy");
            cib.configuration().orElseThrow().resources().orElseThrow().add(p);
        };
    }

    private static boolean hasPrimitive(Cib cib, String id) {
        return cib.configuration().orElseThrow().resources().orElseThrow().find(id).isPresent();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, WAIT, condition);
    }

    private static void await(String what, Duration wait, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + wait + ": " + what);
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

    // ---- partitions: two_node, so that each half of a split keeps quorum and takes changes

    /** A configuration both halves start from: an address to change, a resource to remove. */
    private static final String BASE = """
            <cib admin_epoch="0" epoch="5" num_updates="0" validate-with="pacemaker-3.9">
              <configuration>
                <crm_config/>
                <nodes/>
                <resources>
                  <primitive id="shared" class="ocf" provider="heartbeat" type="IPaddr2">
                    <instance_attributes id="shared-ia">
                      <nvpair id="shared-ip" name="ip" value="10.0.0.1"/>
                    </instance_attributes>
                  </primitive>
                  <primitive id="doomed" class="ocf" provider="heartbeat" type="Dummy"/>
                </resources>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;
    /** Merging takes MERGE3's interval (up to 2 tokens) plus a merge round; generous for a loaded machine. */
    private static final Duration MERGE = Duration.ofSeconds(30);

    private List<CibReplica> twoNodesSplit() throws InterruptedException {
        cluster = new TestCluster(2, " two_node: 1\n");
        CibReplica node1 = start("node1", CibXml.parse(BASE, "base"));
        CibReplica node2 = start("node2", CibXml.parse(BASE, "base"));
        await("both members, quorate", () -> members.values().stream().allMatch(
                m -> m.currentView().members().size() == 2 && m.quorum().quorate()));
        TestCluster.isolate(members.get("node2"));
        await("two partitions of one, each quorate", MERGE, () -> members.values().stream().allMatch(
                m -> m.currentView().members().size() == 1 && m.quorum().quorate()));
        return List.of(node1, node2);
    }

    private static CibVersion change(CibReplica r, Consumer<Cib> edit) {
        Cib copy = CibXml.parse(CibXml.toXml(r.current()), "test");
        edit.accept(copy);
        return r.replace(copy, r.version(), WAIT);
    }

    private void healAndAwaitOneCopy(List<CibReplica> two) throws InterruptedException {
        TestCluster.heal(members.get("node2"));
        await("merged and equal", MERGE, () -> members.get("node1").currentView().members().size() == 2
                && CibXml.toXml(two.get(0).current()).equals(CibXml.toXml(two.get(1).current())));
    }

    @Test
    void afterAPartitionTheHigherVersionWinsAndTheLoserSaysWhatItsCopyHad() throws Exception {
        List<CibReplica> two = twoNodesSplit();
        CibReplica node1 = two.get(0);
        CibReplica node2 = two.get(1);
        change(node1, adding("left").andThen(cib -> {
            var resources = cib.configuration().orElseThrow().resources().orElseThrow();
            resources.remove(resources.find("doomed").orElseThrow());
            ((AgentResource) resources.find("shared").orElseThrow())
                    .instanceAttributes().get(0).put("ip", "10.0.0.9");
        }));
        change(node2, adding("right"));
        assertEquals(new CibVersion(0, 7, 0), change(node2, adding("right2")));
        assertEquals(new CibVersion(0, 6, 0), node1.version());

        healAndAwaitOneCopy(two);
        await("node1 says what it lost", () -> !losses.get("node1").isEmpty());
        assertEquals(new CibVersion(0, 7, 0), node1.version());
        assertTrue(hasPrimitive(node1.current(), "right2") && !hasPrimitive(node1.current(), "left"));
        assertEquals(List.of("adopted CIB 0.7.0 from node2 in place of this node's CIB 0.6.0; lost with this node's "
                + "copy (mine, against theirs): only in mine: primitive left; only in theirs: primitive doomed, "
                + "primitive right, primitive right2; different: nvpair shared-ip: value=\"10.0.0.9\" "
                + "(theirs \"10.0.0.1\")"), losses.get("node1"));
        assertEquals(List.of(), losses.get("node2"), "the winner lost nothing");
        assertEquals(new CibVersion(0, 7, 0),
                new CibFileStore(dir.resolve("node1"), 5).load().orElseThrow().cib().version(), "persisted");
    }

    @Test
    void atEqualVersionsWithOtherContentTheCoordinatorsCopyWinsOnBothSidesOnce() throws Exception {
        List<CibReplica> two = twoNodesSplit();
        assertEquals(new CibVersion(0, 6, 0), change(two.get(0), adding("left")));
        assertEquals(new CibVersion(0, 6, 0), change(two.get(1), adding("right")));

        healAndAwaitOneCopy(two);
        String coordinator = members.get("node1").currentView().coordinator().orElseThrow().name();
        String other = coordinator.equals("node1") ? "node2" : "node1";
        String kept = coordinator.equals("node1") ? "left" : "right";
        String lost = coordinator.equals("node1") ? "right" : "left";
        await(other + " says what it lost", () -> !losses.get(other).isEmpty());
        for (CibReplica r : two) {
            assertEquals(new CibVersion(0, 6, 0), r.version());
            assertTrue(hasPrimitive(r.current(), kept) && !hasPrimitive(r.current(), lost), CibXml.toXml(r.current()));
        }
        assertEquals(List.of("adopted CIB 0.6.0 from " + coordinator + " in place of this node's CIB 0.6.0 (same "
                + "version, other content: the coordinator's copy wins); lost with this node's copy (mine, against "
                + "theirs): only in mine: primitive " + lost + "; only in theirs: primitive " + kept), losses.get(other));
        assertEquals(List.of(), losses.get(coordinator));

        // settled for good: a copy going back and forth would show within a few round trips
        Thread.sleep(3 * TestCluster.TOKEN.toMillis());
        assertEquals(CibXml.toXml(two.get(0).current()), CibXml.toXml(two.get(1).current()));
        assertEquals(1, losses.get(other).size());
        assertEquals(List.of(), losses.get(coordinator));
    }

    // ---- a node that lost its CIB on disk

    @Test
    void aNodeWithoutACibRefusesChangesAndAdoptsThePeersCopyWhateverItsVersion() throws Exception {
        cluster = new TestCluster(2, " two_node: 1\n");
        // the placeholder's version is higher than the peer's: it must neither win nor be offered
        CibReplica waiting = startAwaitingCopy("node2", withPrimitive(Cib.empty(), "placeholder", new CibVersion(0, 50, 0)));
        ReplicationException e = assertThrows(ReplicationException.class,
                () -> waiting.replace(withPrimitive(waiting.current(), "x", waiting.version()), waiting.version(), WAIT));
        assertEquals(ReplicationException.Kind.NO_CIB, e.kind());
        assertTrue(e.getMessage().startsWith("this node had no intact CIB at its start and waits for a peer's copy"),
                e.getMessage());

        CibReplica peer = start("node1", withPrimitive(Cib.empty(), "peer-copy", new CibVersion(0, 3, 0)));
        await("the peer's copy adopted", () -> hasPrimitive(waiting.current(), "peer-copy"));
        assertEquals(new CibVersion(0, 3, 0), waiting.version());
        assertEquals(new CibVersion(0, 3, 0), peer.version(), "the placeholder was never offered");
        assertTrue(!hasPrimitive(peer.current(), "placeholder") && !hasPrimitive(waiting.current(), "placeholder"));
        assertEquals(new CibVersion(0, 3, 0),
                new CibFileStore(dir.resolve("node2"), 5).load().orElseThrow().cib().version(), "persisted");
        assertEquals(List.of(), losses.get("node2"), "a placeholder is no loss");

        await("quorate", () -> members.get("node2").quorum().quorate());
        assertEquals(new CibVersion(0, 4, 0), change(waiting, adding("now-it-may")));
        await("the change everywhere", () -> hasPrimitive(peer.current(), "now-it-may"));
        assertEquals(List.of(), losses.get("node1"), "the peer never gave up its copy for the placeholder");
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
