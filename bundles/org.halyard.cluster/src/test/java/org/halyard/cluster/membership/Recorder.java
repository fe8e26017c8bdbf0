package org.halyard.cluster.membership;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.halyard.cluster.quorum.QuorumState;

/** Records what one member saw, with arrival times, and lets tests wait for it. */
final class Recorder implements MembershipListener, MessageHandler {

    /** A view change and when it arrived (System.nanoTime). */
    record Seen(ViewChange change, long at) {
    }

    final ClusterMembership membership;
    private final List<Seen> views = new ArrayList<>();
    private final List<QuorumState> quorums = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    Recorder(ClusterMembership membership) {
        this.membership = membership;
    }

    @Override
    public synchronized void viewChanged(ViewChange change) {
        views.add(new Seen(change, System.nanoTime()));
        notifyAll();
    }

    @Override
    public synchronized void quorumChanged(QuorumState previous, QuorumState current) {
        quorums.add(current);
        notifyAll();
    }

    @Override
    public synchronized void deliver(Member sender, byte[] payload) {
        messages.add(sender.name() + ":" + new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        notifyAll();
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    synchronized List<Seen> views() {
        return List.copyOf(views);
    }

    /** Waits for the first view change after index {@code from} matching {@code condition}. */
    synchronized Seen awaitView(int from, Predicate<ViewChange> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = from; i < views.size(); i++) {
                if (condition.test(views.get(i).change())) {
                    return views.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail(membership.localMember() + " saw no matching view within " + timeout.toMillis() + " ms; views: "
                        + views.stream().map(s -> s.change().current().names()).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    synchronized int viewCount() {
        return views.size();
    }

    /** Waits until this member's view has exactly these names. */
    void awaitMembers(Duration timeout, String... names) {
        awaitView(0, c -> c.current().names().stream().sorted().toList().equals(List.of(names)), timeout);
    }

    synchronized void awaitMessages(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail(membership.localMember() + " received " + messages.size() + " of " + count + " messages");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
