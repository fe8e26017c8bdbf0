package org.halyard.cluster.replication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.halyard.cib.CibFileStore;
import org.halyard.cib.CibVersion;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cluster.membership.ClusterMembership;
import org.halyard.cluster.membership.Member;
import org.halyard.cluster.membership.MembershipListener;
import org.halyard.cluster.membership.MessageHandler;
import org.halyard.cluster.membership.ViewChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's copy of the cluster-wide CIB, kept equal on every member by total-order broadcast.
 *
 * <p>A change is broadcast with the version it was based on; every member applies the same
 * sequence of changes, so a change whose base is no longer current when it is delivered is
 * refused everywhere alike (a stale base is named to the admin, never merged blindly). Each
 * applied change bumps {@code epoch} and is persisted before anyone is told. When members join
 * (a start, or a healed partition) everyone announces its version and whoever has a higher one
 * than someone else sends its whole CIB: the highest (admin_epoch, epoch, num_updates) wins, as
 * in Pacemaker, and a node that loses says which of its elements it lost.
 *
 * <p>Create it before {@link ClusterMembership#start()} so that no message is missed. The
 * {@link Cib} objects it hands out are snapshots: they are replaced, never changed in place.
 */
public final class CibReplica implements MessageHandler, MembershipListener, AutoCloseable {

    /** The membership topic the replicas talk on. */
    public static final String TOPIC = "cib";
    private static final Logger LOG = LoggerFactory.getLogger(CibReplica.class);
    private static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");

    private final ClusterMembership membership;
    private final CibFileStore store;
    private final String localName;
    private final ExecutorService sender;
    private final Map<String, CompletableFuture<CibVersion>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Cib>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private Cib cib;

    public CibReplica(ClusterMembership membership, CibFileStore store, Cib initial, String localName) {
        this.membership = membership;
        this.store = store;
        this.localName = localName;
        this.cib = initial;
        // broadcasts may block on flow control: never on a JGroups thread
        this.sender = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("halyard-cib-sync")
                .unstarted(r));
        membership.setMessageHandler(TOPIC, this);
        membership.addListener(this);
    }

    public synchronized Cib current() {
        return cib;
    }

    public synchronized CibVersion version() {
        return cib.version();
    }

    /** Called with every new CIB (changed here, by a peer, or adopted after a merge). */
    public void addListener(Consumer<Cib> listener) {
        listeners.add(listener);
    }

    /**
     * Replaces the CIB on every member, if {@code base} is still the current version when the
     * change is delivered; returns the new version.
     *
     * @throws ReplicationException STALE, NO_QUORUM or TIMEOUT, with a message for the admin
     */
    public CibVersion replace(Cib proposed, CibVersion base, Duration timeout) {
        if (!membership.quorum().quorate()) {
            throw new ReplicationException(ReplicationException.Kind.NO_QUORUM, "this partition has no quorum ("
                    + membership.quorum() + "): the configuration can only be changed where the cluster is quorate");
        }
        CibVersion now = version();
        if (!base.equals(now)) {
            throw stale(base, now);
        }
        String id = localName + "-" + requests.incrementAndGet();
        CompletableFuture<CibVersion> done = new CompletableFuture<>();
        pending.put(id, done);
        try {
            membership.broadcast(TOPIC, encode("UPDATE " + id + " " + base, CibXml.toXml(proposed)));
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ReplicationException(ReplicationException.Kind.TIMEOUT, "the change was not delivered back within "
                    + timeout.toMillis() + " ms; check 'halyard status' before trying again");
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException(ReplicationException.Kind.TIMEOUT, "interrupted while waiting for the change");
        } finally {
            pending.remove(id);
        }
    }

    private static ReplicationException stale(CibVersion base, CibVersion now) {
        return new ReplicationException(ReplicationException.Kind.STALE, "the change was based on CIB " + base
                + " but the cluster is at " + now + ": someone changed it meanwhile; read it again and redo the change");
    }

    @Override
    public void deliver(Member from, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String[] header = (newline < 0 ? text : text.substring(0, newline)).split(" ");
        String body = newline < 0 ? "" : text.substring(newline + 1);
        try {
            switch (header[0]) {
                case "UPDATE" -> applyUpdate(from, header[1], CibVersion.parse(header[2]), body);
                case "ANNOUNCE" -> answerAnnounce(from, CibVersion.parse(header[1]));
                case "FULL" -> adoptIfNewer(from, CibVersion.parse(header[1]), body);
                default -> LOG.warn("ignoring CIB message \"{}\" from {}", header[0], from);
            }
        } catch (RuntimeException e) {
            LOG.error("CIB message {} from {} could not be applied: {}", header[0], from, e.getMessage(), e);
            CompletableFuture<CibVersion> waiting = header.length > 1 ? pending.get(header[1]) : null;
            if (waiting != null) {
                waiting.completeExceptionally(e);
            }
        }
    }

    private void applyUpdate(Member from, String requestId, CibVersion base, String xml) {
        CompletableFuture<CibVersion> waiting = pending.get(requestId);
        Cib next;
        synchronized (this) {
            if (!base.equals(cib.version())) {
                LOG.info("refused change {} from {}: based on {}, current is {}", requestId, from, base, cib.version());
                if (waiting != null) {
                    waiting.completeExceptionally(stale(base, cib.version()));
                }
                return;
            }
            next = CibXml.parse(xml, "change " + requestId + " from " + from.name());
            next.setVersion(base.nextEpoch());
            store.save(next);
            cib = next;
        }
        LOG.info("CIB {} -> {}: change {} from {}", base, next.version(), requestId, from.name());
        listeners.forEach(l -> l.accept(next));
        if (waiting != null) {
            waiting.complete(next.version());
        }
    }

    private void answerAnnounce(Member from, CibVersion theirs) {
        CibVersion mine = version();
        if (mine.compareTo(theirs) > 0 && !from.name().equals(localName)) {
            String xml;
            synchronized (this) {
                xml = CibXml.toXml(cib);
            }
            LOG.info("{} has CIB {}, this node {}: sending it ours", from.name(), theirs, mine);
            sender.execute(() -> broadcastQuietly(encode("FULL " + mine, xml)));
        }
    }

    private void adoptIfNewer(Member from, CibVersion theirs, String xml) {
        Cib replaced;
        Cib adopted;
        synchronized (this) {
            if (theirs.compareTo(cib.version()) <= 0) {
                return;
            }
            adopted = CibXml.parse(xml, "CIB " + theirs + " from " + from.name());
            replaced = cib;
            store.save(adopted);
            cib = adopted;
        }
        Set<String> lost = ids(CibXml.toXml(replaced));
        lost.removeAll(ids(xml));
        if (lost.isEmpty()) {
            LOG.info("adopted CIB {} from {} (had {})", theirs, from.name(), replaced.version());
        } else {
            LOG.warn("adopted CIB {} from {} (had {}): this node's elements {} are not in it and are gone",
                    theirs, from.name(), replaced.version(), lost);
        }
        listeners.forEach(l -> l.accept(adopted));
    }

    private static Set<String> ids(String xml) {
        Set<String> ids = new TreeSet<>();
        Matcher m = ID.matcher(xml);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** New members (a start, a merge): everyone says which version it has. */
    @Override
    public void viewChanged(ViewChange change) {
        if (!change.joined().isEmpty()) {
            CibVersion mine = version();
            sender.execute(() -> broadcastQuietly(encode("ANNOUNCE " + mine, "")));
        }
    }

    /**
     * Sends a synchronisation message. The first view arrives while the channel is still being
     * connected, before broadcasts are possible: such a message waits (a few seconds at most).
     */
    private void broadcastQuietly(byte[] message) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                membership.broadcast(TOPIC, message);
                return;
            } catch (IllegalStateException notYetConnected) {
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    LOG.warn("CIB synchronisation message not sent: {}", notYetConnected.getMessage());
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } catch (RuntimeException e) {
                LOG.warn("CIB synchronisation message not sent: {}", e.getMessage());
                return;
            }
        }
    }

    private static byte[] encode(String header, String body) {
        return (header + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
