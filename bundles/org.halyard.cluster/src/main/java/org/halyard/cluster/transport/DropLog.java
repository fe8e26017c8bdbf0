package org.halyard.cluster.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides when a dropped packet is worth a log line: the first drop from a peer is reported at
 * once, later ones are counted and reported together at most once per {@code interval} and
 * peer. A peer with the wrong key sends heartbeats several times a second; one line a minute
 * with a count tells the admin as much as thousands of lines, without filling the disk.
 *
 * <p>Peers are named by what the packet claims (it could not be authenticated), so a forger can
 * invent names: at most {@code maxPeers} are tracked, the rest share one entry,
 * {@link #OTHER_PEERS}. Thread-safe.
 */
public final class DropLog {

    /** The entry shared by peers beyond {@code maxPeers}. */
    public static final String OTHER_PEERS = "(other senders)";

    /**
     * A line to log.
     *
     * @param peer    who the packets claimed to come from
     * @param dropped packets dropped from that peer since the previous report, this one included
     * @param total   packets dropped from that peer since start
     */
    public record Report(String peer, long dropped, long total) {
    }

    private static final class PeerState {
        long lastReport;
        boolean reported;
        long pending;
        long total;
    }

    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final int maxPeers;
    private final Map<String, PeerState> peers = new HashMap<>();
    private long totalDropped;

    /** @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public DropLog(LongSupplier nanoClock, Duration interval, int maxPeers) {
        if (maxPeers < 1) {
            throw new IllegalArgumentException("maxPeers < 1");
        }
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
        this.maxPeers = maxPeers;
    }

    /** Counts one dropped packet; returns a report when this one should be logged. */
    public synchronized Optional<Report> dropped(String peer) {
        totalDropped++;
        String key = peers.containsKey(peer) || peers.size() < maxPeers - 1 ? peer : OTHER_PEERS;
        PeerState state = peers.computeIfAbsent(key, k -> new PeerState());
        state.pending++;
        state.total++;
        long now = nanoClock.getAsLong();
        if (state.reported && now - state.lastReport < intervalNanos) {
            return Optional.empty();
        }
        Report report = new Report(key, state.pending, state.total);
        state.reported = true;
        state.lastReport = now;
        state.pending = 0;
        return Optional.of(report);
    }

    /** Drops counted but not yet reported, per peer; clears them (for a last log line at shutdown). */
    public synchronized List<Report> drainUnreported() {
        List<Report> reports = new ArrayList<>();
        peers.forEach((peer, state) -> {
            if (state.pending > 0) {
                reports.add(new Report(peer, state.pending, state.total));
                state.pending = 0;
            }
        });
        return reports;
    }

    /** Packets dropped since start, from everyone. */
    public synchronized long totalDropped() {
        return totalDropped;
    }

    /** Packets dropped since start that claimed to come from {@code peer}. */
    public synchronized long droppedFrom(String peer) {
        PeerState state = peers.get(peer);
        return state == null ? 0 : state.total;
    }
}
