package org.halyard.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.halyard.cluster.auth.Authkey;
import org.halyard.cluster.quorum.QuorumState;
import org.halyard.cluster.transport.AeadEncryption;
import org.jgroups.BytesMessage;
import org.jgroups.Message;
import org.jgroups.stack.IpAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/** Real JGroups channels on 127.0.0.1..3 in this JVM, token 1000 ms, consensus 1200 ms. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClusterMembershipTest {

    private static final Duration FORM = Duration.ofSeconds(10);
    private static final Duration TOKEN = TestCluster.TOKEN;
    private static final Duration CONSENSUS = Duration.ofMillis(1200);

    private TestCluster cluster;

    @AfterEach
    void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private List<Recorder> startThree(TestReporter reporter) {
        cluster = new TestCluster(3, "");
        long t0 = System.nanoTime();
        List<Recorder> nodes = List.of(cluster.start("node1"), cluster.start("node2"), cluster.start("node3"));
        for (Recorder r : nodes) {
            r.awaitMembers(FORM, "node1", "node2", "node3");
        }
        reporter.publishEntry("formation of 3 members (ms)", String.valueOf(millisSince(t0)));
        return nodes;
    }

    @Test
    void threeMembersFormOneQuorateViewWithOneDc(TestReporter reporter) {
        List<Recorder> nodes = startThree(reporter);
        ClusterView view = nodes.get(0).membership.currentView();
        assertEquals(List.of(new Member(1, "node1"), new Member(2, "node2"), new Member(3, "node3")),
                view.members().stream().sorted((a, b) -> Long.compare(a.nodeid(), b.nodeid())).toList(),
                "names and nodeids come from the nodelist");
        for (Recorder r : nodes) {
            ClusterMembership m = r.membership;
            assertEquals(view, m.currentView(), "every member has the same view");
            QuorumState q = m.quorum();
            assertTrue(q.quorate());
            assertEquals(3, q.totalVotes());
            assertEquals(3, q.expectedVotes());
            assertEquals(view.coordinator(), m.dc(), "the DC is the coordinator");
        }
        assertEquals(1, nodes.stream().filter(r -> r.membership.isDc()).count());
        for (Recorder r : nodes) {
            assertFalse(r.membership.channel().getProtocolStack().getTransport().getDiagnosticsHandler().isEnabled(),
                    "JGroups' unauthenticated probe listener is off");
        }
        Member dc = view.coordinator().orElseThrow();
        assertTrue(nodes.stream().filter(r -> r.membership.isDc()).allMatch(r -> r.membership.localMember().equals(dc)));
    }

    @Test
    void aCleanlyStoppedMemberLeavesAndTheOthersStayQuorate(TestReporter reporter) {
        List<Recorder> nodes = startThree(reporter);
        Recorder survivor = nodes.get(0);
        int mark = survivor.viewCount();
        long t0 = System.nanoTime();
        nodes.get(2).membership.close();
        ViewChange change = survivor.awaitView(mark, c -> !c.current().contains("node3"), TOKEN.plus(CONSENSUS)).change();
        reporter.publishEntry("clean leave seen after (ms)", String.valueOf(millisSince(t0)));
        assertEquals(List.of(new Member(3, "node3")), change.left());
        assertEquals(List.of(), change.crashed());
        assertTrue(change.quorum().quorate());
        assertEquals(2, change.quorum().totalVotes());
        assertEquals(3, change.quorum().expectedVotes());
    }

    @Test
    void aKilledDcIsLostWithinTokenPlusTwoSecondsAndTheNextCoordinatorBecomesDc(TestReporter reporter) {
        List<Recorder> nodes = startThree(reporter);
        Recorder dc = nodes.stream().filter(r -> r.membership.isDc()).findFirst().orElseThrow();
        List<Recorder> others = nodes.stream().filter(r -> r != dc).toList();
        int[] marks = others.stream().mapToInt(Recorder::viewCount).toArray();
        String dead = dc.membership.localMember().name();
        long t0 = System.nanoTime();
        TestCluster.kill(dc.membership);
        for (int i = 0; i < others.size(); i++) {
            Recorder.Seen seen = others.get(i).awaitView(marks[i], c -> !c.current().contains(dead),
                    TOKEN.plus(Duration.ofSeconds(2)));
            reporter.publishEntry("killed member lost after (ms)", String.valueOf((seen.at() - t0) / 1_000_000));
            ViewChange change = seen.change();
            assertEquals(List.of(dc.membership.localMember()), change.crashed(), "no goodbye: crashed, not left");
            assertTrue(change.quorum().quorate());
            assertEquals(change.current().coordinator(), change.dc(), "the new coordinator is the DC");
        }
        assertEquals(1, others.stream().filter(r -> r.membership.isDc()).count(), "exactly one new DC");
    }

    @Test
    void aHungMemberIsLostWithinTokenPlusConsensusAndIsAloneWithoutQuorum(TestReporter reporter) {
        List<Recorder> nodes = startThree(reporter);
        Recorder hung = nodes.get(1);
        List<Recorder> others = List.of(nodes.get(0), nodes.get(2));
        int[] marks = others.stream().mapToInt(Recorder::viewCount).toArray();
        int hungMark = hung.viewCount();
        long t0 = System.nanoTime();
        TestCluster.isolate(hung.membership);
        Duration bound = TOKEN.plus(CONSENSUS).plus(Duration.ofMillis(500)); // 500 ms for a loaded 2-core machine
        for (int i = 0; i < others.size(); i++) {
            Recorder.Seen seen = others.get(i).awaitView(marks[i], c -> !c.current().contains("node2"), bound);
            reporter.publishEntry("hung member lost after (ms)", String.valueOf((seen.at() - t0) / 1_000_000));
            assertEquals(List.of(new Member(2, "node2")), seen.change().crashed());
            assertTrue(seen.change().quorum().quorate());
        }
        ViewChange alone = hung.awaitView(hungMark, c -> c.current().names().equals(List.of("node2")), FORM).change();
        assertFalse(alone.quorum().quorate(), "1 of 3 votes");
        assertEquals(Optional.empty(), alone.dc());
        assertFalse(hung.membership.isDc());
    }

    @Test
    void theLastOfThreeHasNoQuorumAndNoDc(TestReporter reporter) {
        List<Recorder> nodes = startThree(reporter);
        Recorder last = nodes.get(2);
        int mark = last.viewCount();
        TestCluster.kill(nodes.get(0).membership);
        TestCluster.kill(nodes.get(1).membership);
        ViewChange change = last.awaitView(mark, c -> c.current().names().equals(List.of("node3")),
                TOKEN.plus(Duration.ofSeconds(4))).change();
        QuorumState q = last.membership.quorum();
        assertFalse(q.quorate());
        assertEquals(1, q.totalVotes());
        assertEquals(3, q.expectedVotes());
        assertEquals(Optional.empty(), last.membership.dc());
        assertFalse(last.membership.isDc());
        assertFalse(change.quorum().quorate());
    }

    @Test
    void broadcastsArriveInTheSameOrderOnEveryMember(TestReporter reporter) throws Exception {
        List<Recorder> nodes = startThree(reporter);
        int perSender = 40;
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Recorder r : nodes) {
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < perSender; i++) {
                        r.membership.broadcast("test", ("m" + i).getBytes(StandardCharsets.UTF_8));
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        for (Recorder r : nodes) {
            r.awaitMessages(3 * perSender, FORM);
        }
        List<String> order = nodes.get(0).messages();
        assertEquals(3 * perSender, order.size());
        for (Recorder r : nodes) {
            assertEquals(order, r.messages(), "total order on " + r.membership.localMember());
        }
        for (Recorder r : nodes) {
            String name = r.membership.localMember().name();
            List<String> own = order.stream().filter(s -> s.startsWith(name + ":")).toList();
            assertEquals(java.util.stream.IntStream.range(0, perSender).mapToObj(i -> name + ":m" + i).toList(), own,
                    "each sender's messages in the order sent");
        }
    }

    @Test
    void aMemberWithAnotherKeyNeverJoinsAndCannotInject(TestReporter reporter) {
        cluster = new TestCluster(3, "");
        Recorder node1 = cluster.start("node1");
        Recorder node2 = cluster.start("node2");
        node1.awaitMembers(FORM, "node1", "node2");
        node2.awaitMembers(FORM, "node1", "node2");
        Recorder intruder = cluster.start("node3", Authkey.generate());
        intruder.membership.broadcast("test", "forged".getBytes(StandardCharsets.UTF_8));
        // straight at node1's socket, past sequencer and reliability; node2 does the same as a control
        AeadEncryption node1Aead = node1.membership.channel().getProtocolStack().findProtocol(AeadEncryption.class);
        long droppedBefore = node1Aead.droppedPacketsFrom(intruder.membership.channel().getAddress());
        sendRaw(intruder.membership, "injected");
        sendRaw(node2.membership, "control");
        node1.awaitMessages(1, FORM);
        TestCluster.await("node1 to drop the injected packet", FORM,
                () -> node1Aead.droppedPacketsFrom(intruder.membership.channel().getAddress()) > droppedBefore);
        // let discovery, merge attempts (MERGE3 every 1-2 s) and heartbeats run into the wall
        TestCluster.sleep(2 * TOKEN.toMillis() + 500);
        assertEquals(List.of("node3"), intruder.membership.currentView().names());
        assertFalse(intruder.membership.quorum().quorate());
        intruder.awaitMessages(1, FORM); // its own broadcast reached itself, so it was sent
        for (Recorder r : List.of(node1, node2)) {
            assertEquals(List.of("node1", "node2"), r.membership.currentView().names().stream().sorted().toList());
            assertTrue(r.views().stream().noneMatch(s -> s.change().current().contains("node3")), "node3 never joined");
            assertEquals(r == node1 ? List.of("node2:control") : List.of(), r.messages(),
                    "nothing of the intruder's was delivered");
            AeadEncryption aead = r.membership.channel().getProtocolStack().findProtocol(AeadEncryption.class);
            assertTrue(aead.droppedPackets() > 0, "the intruder's packets were dropped, not ignored unseen");
            reporter.publishEntry(r.membership.localMember() + " dropped packets", String.valueOf(aead.droppedPackets()));
        }
    }

    /** An application message sent directly to node1's transport address, as an attacker on the network could. */
    private void sendRaw(ClusterMembership from, String text) {
        byte[] body = ("\u0004test" + text).getBytes(StandardCharsets.UTF_8); // topic "test", as broadcast() frames it
        byte[] wire = new byte[body.length + 1];
        wire[0] = ClusterMembership.APPLICATION;
        System.arraycopy(body, 0, wire, 1, body.length);
        try {
            from.channel().send(new BytesMessage(new IpAddress("127.0.0.1", cluster.port), wire)
                    .setFlag(Message.Flag.NO_RELIABILITY, Message.Flag.NO_FC, Message.Flag.OOB));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
