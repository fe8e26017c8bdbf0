package org.halyard.daemon.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.halyard.api.ClusterEvent;
import org.halyard.api.EventStream;
import org.halyard.api.StatusReport;

/**
 * The daemon's event stream: every change worth showing (membership, quorum, configuration,
 * resource results) becomes a numbered {@link ClusterEvent} carrying the status right after it.
 * The last {@value #KEPT} events are kept so a watcher that lost its connection resumes where it
 * left off; one that fell further behind, or knew another incarnation, starts with a resync.
 */
public final class EventHub {

    static final int KEPT = 256;
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A watcher this far behind is cut off rather than allowed to hold memory without bound. */
    private static final int WATCHER_BACKLOG = 1024;

    private final String incarnation = UUID.randomUUID().toString();
    private final Supplier<StatusReport> status;
    private final ArrayDeque<ClusterEvent> recent = new ArrayDeque<>();
    private final Set<BlockingQueue<ClusterEvent>> watchers = new CopyOnWriteArraySet<>();
    private long seq;

    public EventHub(Supplier<StatusReport> status) {
        this.status = status;
    }

    public String incarnation() {
        return incarnation;
    }

    /** Records an event with the status as it is now and hands it to every watcher. */
    public void publish(String kind, String text) {
        StatusReport now = status.get();
        ClusterEvent event;
        synchronized (this) {
            event = new ClusterEvent(++seq, incarnation, System.currentTimeMillis(), kind, text, now);
            recent.addLast(event);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
            for (BlockingQueue<ClusterEvent> watcher : watchers) {
                if (!watcher.offer(event)) {
                    watchers.remove(watcher); // too slow: its stream ends, it reconnects with a resync
                }
            }
        }
    }

    /**
     * The stream for one watcher: what it missed since {@code since} when it knew this
     * incarnation and the events are still kept, else a resync with the current status; then
     * every new event, with heartbeats in quiet times.
     */
    public EventStream watch(String knownIncarnation, long since) {
        return emit -> {
            BlockingQueue<ClusterEvent> queue = new LinkedBlockingQueue<>(WATCHER_BACKLOG);
            List<ClusterEvent> first = subscribe(queue, knownIncarnation, since);
            try {
                first.forEach(emit);
                stream(queue, emit);
            } finally {
                watchers.remove(queue);
            }
        };
    }

    private synchronized List<ClusterEvent> subscribe(BlockingQueue<ClusterEvent> queue, String knownIncarnation,
            long since) {
        watchers.add(queue);
        boolean resumable = incarnation.equals(knownIncarnation) && since <= seq
                && (since >= seq || (!recent.isEmpty() && recent.getFirst().seq <= since + 1));
        if (resumable) {
            return recent.stream().filter(e -> e.seq > since).toList();
        }
        List<ClusterEvent> first = new ArrayList<>();
        String why = knownIncarnation == null ? "current status"
                : !incarnation.equals(knownIncarnation)
                        ? "resynchronised: another daemon (or this one restarted) since event #" + since
                        : "resynchronised: events since #" + since + " are no longer kept";
        first.add(new ClusterEvent(seq, incarnation, System.currentTimeMillis(), ClusterEvent.RESYNC, why,
                status.get()));
        return first;
    }

    private void stream(BlockingQueue<ClusterEvent> queue, Consumer<Object> emit) throws InterruptedException {
        while (true) {
            ClusterEvent event = queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                if (!watchers.contains(queue)) {
                    return; // dropped as too slow
                }
                synchronized (this) {
                    event = new ClusterEvent(seq, incarnation, System.currentTimeMillis(), ClusterEvent.HEARTBEAT,
                            null, null);
                }
            }
            emit.accept(event);
        }
    }

    /** How many watchers are connected now. */
    public int watchers() {
        return watchers.size();
    }
}
