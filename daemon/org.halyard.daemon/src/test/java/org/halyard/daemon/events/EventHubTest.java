package org.halyard.daemon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.halyard.api.ClusterEvent;
import org.halyard.api.StatusReport;
import org.junit.jupiter.api.Test;

class EventHubTest {

    private final AtomicInteger snapshots = new AtomicInteger();
    private final EventHub hub = new EventHub(() -> {
        StatusReport report = new StatusReport();
        report.cibVersion = "0:" + snapshots.incrementAndGet() + ":0";
        return report;
    });

    /** Runs a watch on a virtual thread, collecting what it emits, until it has {@code count}. */
    private List<ClusterEvent> watch(String incarnation, long since, int count) throws Exception {
        List<ClusterEvent> seen = new CopyOnWriteArrayList<>();
        Thread watcher = Thread.ofVirtual().start(() -> {
            try {
                hub.watch(incarnation, since).run(e -> {
                    seen.add((ClusterEvent) e);
                    if (seen.size() == count) {
                        throw new IllegalStateException("enough");
                    }
                });
            } catch (IllegalStateException | InterruptedException enough) {
                // the test has what it wanted
            }
        });
        watcher.join(10_000);
        return seen;
    }

    @Test
    void aNewWatcherStartsWithAResyncCarryingTheCurrentStatus() throws Exception {
        hub.publish("membership", "node2 joined");
        List<ClusterEvent> seen = watch(null, 0, 1);
        assertEquals(ClusterEvent.RESYNC, seen.get(0).kind);
        assertEquals(1, seen.get(0).seq);
        assertEquals("0:2:0", seen.get(0).status.cibVersion, "the status is taken at subscription");
    }

    @Test
    void aWatcherThatReconnectsGetsExactlyWhatItMissed() throws Exception {
        for (int i = 1; i <= 5; i++) {
            hub.publish("resource", "event " + i);
        }
        List<ClusterEvent> seen = watch(hub.incarnation(), 3, 2);
        assertEquals(List.of("#4 resource: event 4", "#5 resource: event 5"),
                seen.stream().map(ClusterEvent::toString).toList());
    }

    @Test
    void anotherIncarnationOrATooOldSequenceMeansResync() throws Exception {
        for (int i = 1; i <= EventHub.KEPT + 10; i++) {
            hub.publish("resource", "event " + i);
        }
        ClusterEvent tooOld = watch(hub.incarnation(), 2, 1).get(0);
        assertEquals(ClusterEvent.RESYNC, tooOld.kind);
        assertEquals("resynchronised: events since #2 are no longer kept", tooOld.text);
        ClusterEvent otherDaemon = watch("an-old-daemon-run", EventHub.KEPT, 1).get(0);
        assertEquals(ClusterEvent.RESYNC, otherDaemon.kind);
        assertEquals("resynchronised: another daemon (or this one restarted) since event #" + EventHub.KEPT,
                otherDaemon.text, "a client that moved to another node is not told events were lost");
        assertEquals("#" + (EventHub.KEPT + 10) + " resource: event " + (EventHub.KEPT + 10),
                watch(hub.incarnation(), EventHub.KEPT + 9, 1).get(0).toString());
    }

    @Test
    void newEventsReachAConnectedWatcher() throws Exception {
        List<ClusterEvent> seen = new CopyOnWriteArrayList<>();
        Thread watcher = Thread.ofVirtual().start(() -> {
            try {
                hub.watch(hub.incarnation(), 0).run(e -> seen.add((ClusterEvent) e));
            } catch (InterruptedException stopped) {
                // end of test
            }
        });
        long deadline = System.currentTimeMillis() + 5000;
        while (hub.watchers() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        hub.publish("cib", "configuration changed");
        while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        watcher.interrupt();
        watcher.join(5000);
        assertTrue(!seen.isEmpty() && "cib".equals(seen.get(0).kind), "seen: " + seen);
        assertEquals(0, hub.watchers(), "an ended watch unsubscribes");
    }
}
