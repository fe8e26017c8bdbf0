package org.halyard.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cluster.membership.ClusterView;
import org.halyard.cluster.membership.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The node's executor with scripted agent answers: history, fail counts, monitors, cleanup. */
class LocalResourceManagerTest {

    private static final Cib CIB = CibXml.parse("""
            <cib admin_epoch="0" epoch="1" num_updates="0">
              <configuration>
                <crm_config/>
                <nodes><node id="1" uname="node1"/></nodes>
                <resources>
                  <primitive id="web" class="ocf" provider="heartbeat" type="Dummy">
                    <instance_attributes id="web-ia"><nvpair id="web-ia-s" name="state" value="/tmp/x"/></instance_attributes>
                    <operations>
                      <op id="web-mon" name="monitor" interval="50ms" timeout="5s"/>
                      <op id="web-start" name="start" interval="0" timeout="7s"/>
                    </operations>
                  </primitive>
                </resources>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """, "test");

    /** The answer each agent action gives, by action name; monitor answers can be changed. */
    private final Map<String, OcfResult> answers = new ConcurrentHashMap<>(Map.of("start", OcfResult.OK, "stop",
            OcfResult.OK, "monitor", OcfResult.NOT_RUNNING, "migrate_to", OcfResult.OK, "migrate_from", OcfResult.OK));
    private final List<Operation> ran = new CopyOnWriteArrayList<>();
    private final List<NodeHistory> published = new CopyOnWriteArrayList<>();
    private final LocalResourceManager lrm = new LocalResourceManager("node1", 1, this::agent, () -> CIB,
            published::add);

    private OperationResult agent(Operation op) {
        ran.add(op);
        return new OperationResult(op, ExecStatus.DONE, answers.get(op.action()), answers.get(op.action()).code(),
                "", "", "", Instant.now(), Duration.ofMillis(3));
    }

    @AfterEach
    void close() {
        lrm.close();
    }

    @Test
    void aStartIsRecordedWithItsParametersAndTimeoutAndStartsTheConfiguredMonitor() throws Exception {
        LocalResourceManager.Outcome outcome = lrm.execute("web", "start");
        assertTrue(outcome.ok());
        Operation start = ran.get(0);
        assertEquals("/tmp/x", start.params().get("state"));
        assertEquals(Duration.ofSeconds(7), start.timeout());
        assertEquals("7000", start.meta().get("timeout"));
        assertEquals("Started", LocalResourceManager.activeRole(lrm.history().resources().get("web")));

        answers.put("monitor", OcfResult.OK);
        waitFor(() -> lrm.history().resources().get("web").operations().containsKey("web_monitor_50"));
        assertEquals(0, lrm.history().resources().get("web").operations().get("web_monitor_50").rc());
    }

    @Test
    void aFailingMonitorIsCountedPublishedAndStopsMonitoring() throws Exception {
        answers.put("monitor", OcfResult.OK);
        lrm.execute("web", "start");
        waitFor(() -> lrm.history().resources().get("web").operations().containsKey("web_monitor_50"));
        answers.put("monitor", OcfResult.NOT_RUNNING);
        waitFor(() -> "1".equals(lrm.history().attributes().get("fail-count-web#monitor_50")));
        OperationRecord failure = lrm.history().resources().get("web").operations().get("web_last_failure_0");
        assertEquals(7, failure.rc());
        // published right after it is recorded, on the monitor's thread
        waitFor(() -> published.stream().anyMatch(h -> h.attributes().containsKey("fail-count-web#monitor_50")));
        int monitorsSoFar = (int) ran.stream().filter(op -> op.action().equals("monitor")).count();
        Thread.sleep(200);
        assertEquals(monitorsSoFar, ran.stream().filter(op -> op.action().equals("monitor")).count(),
                "no monitoring after a failure: recovery is the DC's decision");
    }

    @Test
    void aMonitorThatFailsAgainRightAfterARestartIsCountedAgain() throws Exception {
        answers.put("monitor", OcfResult.OK);
        lrm.execute("web", "start");
        waitFor(() -> lrm.history().resources().get("web").operations().containsKey("web_monitor_50"));
        answers.put("monitor", OcfResult.NOT_RUNNING);
        waitFor(() -> "1".equals(lrm.history().attributes().get("fail-count-web#monitor_50")));

        // recovery restarts it, and it dies again before its first monitor could see it healthy:
        // the kept failure record (rc 7) must not hide the new failure (rc 7 too)
        lrm.execute("web", "stop");
        lrm.execute("web", "start");
        waitFor(() -> "2".equals(lrm.history().attributes().get("fail-count-web#monitor_50")));
    }

    @Test
    void aMonitorInFlightWhenAStopArrivesIsNotCountedAsAFailure() throws Exception {
        // the agent answers from the resource's real state, and the test holds one monitor mid-call
        AtomicBoolean active = new AtomicBoolean();
        CountDownLatch inMonitor = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean holdNext = new AtomicBoolean();
        LocalResourceManager stateful = new LocalResourceManager("node1", 1, op -> {
            ran.add(op);
            switch (op.action()) {
                case "start" -> active.set(true);
                case "stop" -> active.set(false);
                default -> {
                    if (holdNext.compareAndSet(true, false)) {
                        inMonitor.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }
            OcfResult rc = op.action().equals("monitor") && !active.get() ? OcfResult.NOT_RUNNING : OcfResult.OK;
            return new OperationResult(op, ExecStatus.DONE, rc, rc.code(), "", "", "", Instant.now(), Duration.ZERO);
        }, () -> CIB, published::add);
        try {
            stateful.execute("web", "start");
            waitFor(() -> stateful.history().resources().get("web").operations().containsKey("web_monitor_50"));
            holdNext.set(true);
            assertTrue(inMonitor.await(5, TimeUnit.SECONDS), "a monitor started");
            Thread stop = Thread.ofVirtual().start(() -> stateful.execute("web", "stop"));
            stop.join(300); // the stop waits for the monitor (as Pacemaker's executor orders them)
            release.countDown();
            stop.join(5000);
            assertFalse(stop.isAlive());
            Thread.sleep(200); // a monitor would have run several times by now
            assertNull(stateful.history().attributes().get("fail-count-web#monitor_50"),
                    "a monitor racing the stop saw it stopped and counted a failure: " + stateful.history().attributes());
            Operation last = ran.get(ran.size() - 1);
            assertEquals("stop", last.action(), "no monitor runs after the stop");
        } finally {
            stateful.close();
        }
    }

    @Test
    void aResourceAddedLaterIsProbedOnceAndWhatIsKnownIsNotProbedAgain() throws Exception {
        AtomicReference<Cib> current = new AtomicReference<>(CIB);
        LocalResourceManager probing = new LocalResourceManager("node1", 1, this::agent, current::get, published::add);
        try {
            probing.probeUnknown();
            assertEquals(List.of("web:monitor"), ran.stream().map(op -> op.resourceId() + ":" + op.action()).toList());
            probing.probeUnknown();
            assertEquals(1, ran.size(), "web is known now");

            current.set(CibXml.parse(CibXml.toXml(CIB).replace("</resources>",
                    "<primitive id=\"db\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/></resources>"), "t"));
            assertTrue(waitingForProbes(current.get(), probing.history()), "the DC waits for db's probe");
            probing.probeUnknown();
            assertEquals(List.of("web:monitor", "db:monitor"), ran.stream().map(op -> op.resourceId() + ":" + op.action())
                    .toList());
            assertEquals(0, ran.get(1).interval().toMillis(), "a probe is a monitor with interval 0");
            assertFalse(waitingForProbes(current.get(), probing.history()), "db's probe is known");
        } finally {
            probing.close();
        }
    }

    @Test
    void aMigrationTellsTheAgentBothNodesAndKeepsItsOwnRecordsThatSayWhereItRuns() throws Exception {
        LocalResourceManager.Migration migration = new LocalResourceManager.Migration("node2", "node1");
        answers.put("monitor", OcfResult.OK);
        assertTrue(lrm.execute("web", "migrate_from", migration).ok());
        Operation migrateFrom = ran.get(0);
        assertEquals("node2", migrateFrom.meta().get("migrate_source"));
        assertEquals("node1", migrateFrom.meta().get("migrate_target"));
        OperationRecord record = lrm.history().resources().get("web").operations().get("web_migrate_from_0");
        assertEquals("node2", record.migrateSource());
        assertEquals("node1", record.migrateTarget());
        assertEquals("Started", LocalResourceManager.activeRole(lrm.history().resources().get("web")),
                "a migrate_from starts it here");
        waitFor(() -> lrm.history().resources().get("web").operations().containsKey("web_monitor_50"));

        // and away again: after migrate_to it is leaving, so it is no longer monitored here
        assertTrue(lrm.execute("web", "migrate_to", new LocalResourceManager.Migration("node1", "node2")).ok());
        assertNull(LocalResourceManager.activeRole(lrm.history().resources().get("web")));
        int monitorsSoFar = (int) ran.stream().filter(op -> op.action().equals("monitor")).count();
        Thread.sleep(200);
        assertEquals(monitorsSoFar, ran.stream().filter(op -> op.action().equals("monitor")).count());
    }

    @Test
    void aFailedStartIsFatalByDefaultAndCleanupForgetsIt() {
        answers.put("start", OcfResult.ERR_GENERIC);
        assertFalse(lrm.execute("web", "start").ok());
        assertEquals(LocalResourceManager.INFINITY, lrm.history().attributes().get("fail-count-web#start_0"));

        lrm.cleanup("web");
        assertNull(lrm.history().attributes().get("fail-count-web#start_0"));
        OperationRecord probe = lrm.history().resources().get("web").last();
        assertEquals("monitor", probe.operation(), "cleaned up means probed again");
        assertEquals(7, probe.rc());
    }

    @Test
    void stoppingWhatIsNoLongerConfiguredForgetsIt() {
        lrm.execute("web", "start");
        LocalResourceManager.Outcome outcome = lrm.execute("gone", "stop");
        assertTrue(outcome.ok());
        assertEquals(List.of("web"), List.copyOf(lrm.history().resources().keySet()));
    }

    /** What the DC decides from this node's report. */
    private static boolean waitingForProbes(Cib cib, NodeHistory reported) {
        ClusterStatus status = new ClusterStatus();
        status.update(reported);
        return status.waitingForProbes(cib, new ClusterView(1, List.of(new Member(1, "node1"))));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
