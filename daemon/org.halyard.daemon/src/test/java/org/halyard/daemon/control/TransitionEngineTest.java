package org.halyard.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cluster.membership.ClusterView;
import org.halyard.cluster.membership.Member;
import org.halyard.scheduler.ActionGraph;
import org.halyard.scheduler.ActionGraph.Step;
import org.halyard.scheduler.Scheduler;
import org.halyard.scheduler.output.SummaryItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DC's transition engine on real action graphs: the scheduler's own, for a small two-node
 * cluster whose status section is built the way the controller builds it. The actions go to a
 * fake executor whose answers the test gives by hand, so what the engine may dispatch, and when,
 * is decided by the test alone; waits are bounded and only there to catch what would hang.
 */
class TransitionEngineTest {

    /** Generous bound for something that must happen; the engine reacts within some 25 ms. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** How long nothing must happen where no event of the engine can tell us it looked (aborted). */
    private static final Duration QUIET = Duration.ofMillis(500);

    private final FakeExecutor executor = new FakeExecutor();
    private final FakeObserver observer = new FakeObserver();
    private final AtomicInteger inputRequests = new AtomicInteger();
    private final AtomicInteger loopRounds = new AtomicInteger();
    private volatile int batchLimit = 10;
    private TransitionEngine engine;
    private ActionGraph graph;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    // ---- prerequisites and parallelism

    @Test
    void anActionIsDispatchedOnlyOnceAllItsPrerequisitesCompletedEvenOnOtherNodes() throws Exception {
        // C (node1) waits for A (node1) and B (node2); D (node2) waits for A (node1)
        start("""
                <primitive id="A" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="B" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="C" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="D" class="ocf" provider="heartbeat" type="Dummy"/>
                """, """
                <rsc_location id="lA" rsc="A" node="node1" score="100"/>
                <rsc_location id="lB" rsc="B" node="node2" score="100"/>
                <rsc_location id="lC" rsc="C" node="node1" score="100"/>
                <rsc_location id="lD" rsc="D" node="node2" score="100"/>
                <rsc_order id="oAC" first="A" then="C"/>
                <rsc_order id="oBC" first="B" then="C"/>
                <rsc_order id="oAD" first="A" then="D"/>
                """);
        assertEquals(Set.of(id("A"), id("B")), graph.prerequisites(id("C")));
        assertEquals(Set.of(id("A")), graph.prerequisites(id("D")));
        assertEquals("node1", step("A").node());
        assertEquals("node2", step("D").node());

        Sent a = executor.next("A");
        Sent b = executor.next("B");
        assertEquals("node2", b.executor());
        settle();
        assertEquals(List.of("A", "B"), executor.dispatched(), "C and D wait");

        executor.answer(b, true); // node2 answered; C still waits for A on node1
        settle();
        assertEquals(List.of("A", "B"), executor.dispatched(), "C waits for A too");

        executor.answer(a, true); // node1 answered: C (node1) and D (node2) may go
        Set<String> released = new TreeSet<>(List.of(executor.next().step().resource(),
                executor.next().step().resource()));
        assertEquals(Set.of("C", "D"), released);
        executor.answerAllOutstanding(true);

        assertEquals(new Ended(1, true), observer.nextEnd());
        assertPrerequisitesRespected();
        assertEquals(List.of(), observer.schedulingFailures);
    }

    @Test
    void independentActionsAreInFlightTogether() throws Exception {
        start(fiveIndependent(), "");
        assertTrue(graph.actions().stream().allMatch(s -> graph.prerequisites(s.id()).isEmpty()));

        // nothing answered yet, and still all five went out, on both nodes
        List<Sent> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(executor.next());
        }
        assertEquals(5, executor.outstanding.get());
        assertEquals(Set.of("node1", "node2"), Set.copyOf(all.stream().map(Sent::executor).toList()));
        for (Sent sent : all) {
            executor.answer(sent, true);
        }
        assertEquals(new Ended(1, true), observer.nextEnd());
    }

    @Test
    void theBatchLimitCapsWhatIsInFlight() throws Exception {
        batchLimit = 2;
        start(fiveIndependent(), "");
        assertEquals(5, graph.actions().size());

        List<Sent> inFlight = new ArrayList<>(List.of(executor.next(), executor.next()));
        int answered = 0;
        while (!inFlight.isEmpty()) {
            settle();
            assertEquals(Math.min(2, 5 - answered), executor.outstanding.get(),
                    "in flight after " + answered + " answers: " + executor.dispatched());
            assertEquals(answered + inFlight.size(), executor.all.size());
            executor.answer(inFlight.remove(0), true);
            answered++;
            if (executor.all.size() < 5) {
                inFlight.add(executor.next()); // the freed slot is used
            }
        }
        assertEquals(new Ended(1, true), observer.nextEnd());
        assertEquals(5, executor.all.size());
        assertEquals(2, executor.maxOutstanding.get());
    }

    // ---- failure

    @Test
    void aFailedActionAbortsTheTransitionAfterWhatRunsHasAnswered() throws Exception {
        batchLimit = 2;
        // A, B and E are ready at once (the limit holds E back); C waits for B
        start("""
                <primitive id="A" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="B" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="C" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="E" class="ocf" provider="heartbeat" type="Dummy"/>
                """, """
                <rsc_location id="lA" rsc="A" node="node1" score="100"/>
                <rsc_location id="lB" rsc="B" node="node2" score="100"/>
                <rsc_location id="lC" rsc="C" node="node1" score="100"/>
                <rsc_location id="lE" rsc="E" node="node2" score="100"/>
                <rsc_order id="oBC" first="B" then="C"/>
                """);
        assertEquals(Set.of(id("B")), graph.prerequisites(id("C")));
        assertTrue(graph.prerequisites(id("E")).isEmpty());

        Sent a = executor.next("A");
        Sent b = executor.next("B");
        settle();
        assertEquals(List.of("A", "B"), executor.dispatched(), "E waits for a free slot");

        executor.answer(a, false);
        // a slot is free and E is ready, but the transition is over: nothing new, and B is awaited
        executor.assertNothingDispatched("after A failed");
        assertNull(observer.ends.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS), "B is still running");

        executor.answer(b, true); // would release C
        assertEquals(new Ended(1, false), observer.nextEnd(), "reported as aborted, not complete");
        assertEquals(List.of("A", "B"), executor.dispatched(), "neither E nor C after the failure");
        awaitRescheduling();
        assertNull(observer.ends.poll(), "ended once");
        assertFalse(engine.busy());
    }

    // ---- node loss

    /** What the controller does on a view change: nodeLost for every node gone, then trigger. */
    @Test
    void aLostNodeAbortsTheTransitionAsTheControllerReportsIt() throws Exception {
        startNodeLossGraph();
        Sent a = executor.next("A");
        Sent b = executor.next("B");
        settle();
        assertEquals(List.of("A", "B"), executor.dispatched());

        engine.nodeLost("node2");
        engine.trigger("membership changed");
        assertNodeLossHandled(a, b);
    }

    /** The engine's own reaction, without the controller's trigger that follows. */
    @Test
    void aNodeLostWithAnActionInFlightAbortsOnItsOwn() throws Exception {
        startNodeLossGraph();
        Sent a = executor.next("A");
        Sent b = executor.next("B");
        settle();

        engine.nodeLost("node2");
        assertNodeLossHandled(a, b);
    }

    /** node2 has nothing in flight yet, only an action waiting for one on node1. */
    @Test
    void aNodeLostWithOnlyWaitingActionsGetsNothingMoreAndAbortsOnItsOwn() throws Exception {
        batchLimit = 1; // B (node2) waits for the slot A (node1) holds
        startNodeLossGraph();
        Sent a = executor.next("A");
        settle();
        assertEquals(List.of("A"), executor.dispatched());

        engine.nodeLost("node2");
        executor.assertNothingDispatched("after node2 was lost");
        executor.answer(a, true); // would release B and D on node2 and C on node1
        Ended end = observer.ends.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(List.of("A"), executor.dispatched(), "nothing more, and nothing for the lost node2");
        assertEquals(new Ended(1, false), end, "reported as aborted, not complete");
        awaitRescheduling();
    }

    /** A (node1) and B (node2) are ready at once; C (node1) and D (node2) wait for A. */
    private void startNodeLossGraph() throws Exception {
        start("""
                <primitive id="A" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="B" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="C" class="ocf" provider="heartbeat" type="Dummy"/>
                <primitive id="D" class="ocf" provider="heartbeat" type="Dummy"/>
                """, """
                <rsc_location id="lA" rsc="A" node="node1" score="100"/>
                <rsc_location id="lB" rsc="B" node="node2" score="100"/>
                <rsc_location id="lC" rsc="C" node="node1" score="100"/>
                <rsc_location id="lD" rsc="D" node="node2" score="100"/>
                <rsc_order id="oAC" first="A" then="C"/>
                <rsc_order id="oAD" first="A" then="D"/>
                """);
        assertEquals(Set.of(id("A")), graph.prerequisites(id("C")));
        assertEquals(Set.of(id("A")), graph.prerequisites(id("D")));
        assertTrue(graph.prerequisites(id("B")).isEmpty());
        assertEquals("node2", step("B").node());
        assertEquals("node1", step("C").node());
    }

    /** node2 (running B) was lost while A ran on node1. B will never be answered. */
    private void assertNodeLossHandled(Sent a, Sent b) throws Exception {
        executor.assertNothingDispatched("after node2 was lost");
        assertNull(observer.ends.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS), "A on node1 is still running");

        executor.answer(a, true); // would release C (node1) and D (node2)
        // B's answer never comes and its timeout is an hour away: it was given up with node2
        assertEquals(new Ended(1, false), observer.nextEnd(), "reported as aborted, not complete");
        assertEquals(List.of("A", "B"), executor.dispatched(), "neither C nor D after node2 was lost");
        awaitRescheduling();

        engine.completed(1, b.step().id(), true); // a late answer from the old transition changes nothing
        assertNull(observer.ends.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(2, executor.all.size());
        assertFalse(engine.busy());
    }

    // ---- the cluster, the engine and its fakes

    private static String fiveIndependent() {
        StringBuilder resources = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            resources.append("<primitive id=\"R").append(i).append("\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>");
        }
        return resources.toString();
    }

    /**
     * Schedules the configuration on two fresh members, as the controller on node1 (the DC)
     * would, and starts an engine on it; the engine gets the input once, later requests are
     * counted and answered with null (not the DC any more), so no second transition starts.
     */
    private void start(String resources, String constraints) throws Exception {
        Cib config = CibXml.parse("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    <crm_config><cluster_property_set id="o">
                      <nvpair id="o-s" name="stonith-enabled" value="false"/>
                    </cluster_property_set></crm_config>
                    <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/></nodes>
                    <resources>%s</resources>
                    <constraints>%s</constraints>
                  </configuration>
                </cib>
                """.formatted(resources, constraints), "test");
        ClusterStatus status = new ClusterStatus();
        status.update(NodeHistory.empty("node1", 1));
        status.update(NodeHistory.empty("node2", 2));
        ClusterView view = new ClusterView(2, List.of(new Member(1, "node1"), new Member(2, "node2")));
        Cib input = status.schedulerInput(config, view, true, "node1");
        graph = Scheduler.schedule(input, false).graph(); // the same graph the engine will get

        Supplier<Cib> once = () -> inputRequests.getAndIncrement() == 0 ? input : null;
        engine = new TransitionEngine(once, executor, observer, () -> {
            loopRounds.incrementAndGet();
            return batchLimit;
        });
        engine.trigger("test");
        Started started = observer.starts.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(started, "no transition started");
        assertEquals(1, started.txn());
        assertFalse(started.summary().isEmpty());
    }

    private int id(String resource) {
        return step(resource).id();
    }

    private Step step(String resource) {
        return graph.actions().stream().filter(s -> resource.equals(s.resource())).findFirst().orElseThrow();
    }

    /**
     * Returns once the engine has handled everything the test did before: the batch limit is
     * read on every round of the engine's loop while a transition runs unaborted, and the third
     * round from now began after whatever was queued now was taken and acted on.
     */
    private void settle() throws InterruptedException {
        int now = loopRounds.get();
        await(() -> loopRounds.get() >= now + 3, "the engine to go round");
    }

    private void awaitRescheduling() throws InterruptedException {
        await(() -> inputRequests.get() >= 2, "the engine to schedule again after the transition");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            Thread.sleep(5);
        }
    }

    private void assertPrerequisitesRespected() {
        for (Sent sent : executor.all) {
            Set<Integer> needed = graph.prerequisites(sent.step().id());
            assertTrue(sent.answeredBefore().containsAll(needed),
                    sent.step() + " dispatched when only " + sent.answeredBefore() + " of " + needed + " had completed");
        }
    }

    /** One dispatched action; its answer is the test's to give. */
    record Sent(long txn, Step step, String executor, Set<Integer> answeredBefore, CompletableFuture<Boolean> answer) {
    }

    record Started(long txn, List<SummaryItem> summary) {
    }

    record Ended(long txn, boolean complete) {
    }

    /** The nodes' side: takes every action and answers when the test says so. */
    private final class FakeExecutor implements TransitionEngine.Dispatcher {
        final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
        final List<Sent> all = new CopyOnWriteArrayList<>();
        final Set<Integer> succeeded = ConcurrentHashMap.newKeySet();
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger maxOutstanding = new AtomicInteger();

        @Override
        public TransitionEngine.Dispatch dispatch(long txn, Step step) {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            // as the controller: the answer comes back through completed(), from another thread
            answer.thenAccept(ok -> engine.completed(txn, step.id(), ok));
            Sent record = new Sent(txn, step, step.node(), Set.copyOf(succeeded), answer);
            maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            all.add(record);
            sent.add(record);
            return new TransitionEngine.Dispatch(step.node(), Duration.ofHours(1));
        }

        void answer(Sent action, boolean ok) {
            if (ok) {
                succeeded.add(action.step().id());
            }
            outstanding.decrementAndGet();
            assertTrue(action.answer().complete(ok), "answered twice");
        }

        void answerAllOutstanding(boolean ok) {
            all.stream().filter(s -> !s.answer().isDone()).toList().forEach(s -> answer(s, ok));
        }

        Sent next() throws InterruptedException {
            Sent next = sent.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(next, "nothing dispatched; so far " + dispatched());
            assertEquals(1, next.txn());
            return next;
        }

        Sent next(String resource) throws InterruptedException {
            Sent next = next();
            assertEquals(resource, next.step().resource(), "dispatched next");
            return next;
        }

        void assertNothingDispatched(String when) throws InterruptedException {
            Sent unexpected = sent.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS);
            assertNull(unexpected, () -> unexpected.step() + " dispatched " + when);
        }

        /** The resources of everything dispatched, in order. */
        List<String> dispatched() {
            return all.stream().map(s -> s.step().resource()).toList();
        }
    }

    private static final class FakeObserver implements TransitionEngine.Observer {
        final BlockingQueue<Started> starts = new LinkedBlockingQueue<>();
        final BlockingQueue<Ended> ends = new LinkedBlockingQueue<>();
        final List<String> schedulingFailures = new CopyOnWriteArrayList<>();

        @Override
        public void transitionStarted(long txn, List<SummaryItem> summary) {
            starts.add(new Started(txn, summary));
        }

        @Override
        public void transitionEnded(long txn, boolean complete) {
            ends.add(new Ended(txn, complete));
        }

        @Override
        public void schedulingFailed(String reason) {
            schedulingFailures.add(reason);
        }

        Ended nextEnd() throws InterruptedException {
            Ended end = ends.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(end, "the transition did not end");
            return end;
        }
    }
}
