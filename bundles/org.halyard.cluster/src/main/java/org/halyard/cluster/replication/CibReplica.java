package org.halyard.cluster.replication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.halyard.cib.CibDiff;
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
 * (a start, or a healed partition) everyone announces its version and a digest of its CIB, at
 * once and again when the view has settled, and whoever has a higher version than someone else
 * sends its whole CIB: the highest (admin_epoch, epoch, num_updates) wins, as in Pacemaker. Two
 * CIBs at the same version with different content (both halves of a split changed it once) are
 * settled by the coordinator, the DC when there is one: its copy is the one the cluster syncs to,
 * as Pacemaker's DC's is. A node that gives up its CIB says, by element id, how its copy differed
 * from the one it adopted.
 *
 * <p>A node that had no intact CIB at its start ({@link #awaitingPeerCopy}) holds a placeholder:
 * it asks for a copy instead of announcing a version, adopts the first copy a peer sends whatever
 * its version, and refuses changes until then.
 *
 * <p>Create it before {@link ClusterMembership#start()} so that no message is missed. The
 * {@link Cib} objects it hands out are snapshots: they are replaced, never changed in place.
 */
public final class CibReplica implements MessageHandler, MembershipListener, AutoCloseable {

    /** The membership topic the replicas talk on. */
    public static final String TOPIC = "cib";
    private static final Logger LOG = LoggerFactory.getLogger(CibReplica.class);
    /** Elements named when a node gives up its copy: enough to act on, still one line. */
    private static final int DIFFERENCES_SHOWN = 20;
    /** A FULL that answers an announcement, and one by the coordinator that settles a tie. */
    private static final String OFFER = "offer";
    private static final String SETTLE = "settle";

    private final ClusterMembership membership;
    private final CibFileStore store;
    private final String localName;
    private final ScheduledExecutorService sender;
    private final Map<String, CompletableFuture<CibVersion>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Cib>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> lossListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private Cib cib;
    /** While true, {@link #cib} is a placeholder, not a copy of the cluster's CIB. */
    private boolean awaitingCopy;

    public CibReplica(ClusterMembership membership, CibFileStore store, Cib initial, String localName) {
        this(membership, store, initial, localName, false);
    }

    /**
     * The replica of a node that has no intact CIB of its own: {@code placeholder} stands in until
     * the first copy a peer sends, which is adopted whatever its version. The placeholder is never
     * offered to anyone, and changes are refused ({@link ReplicationException.Kind#NO_CIB}) until then.
     */
    public static CibReplica awaitingPeerCopy(ClusterMembership membership, CibFileStore store, Cib placeholder,
            String localName) {
        return new CibReplica(membership, store, placeholder, localName, true);
    }

    private CibReplica(ClusterMembership membership, CibFileStore store, Cib initial, String localName,
            boolean awaitingCopy) {
        this.membership = membership;
        this.store = store;
        this.localName = localName;
        this.cib = initial;
        this.awaitingCopy = awaitingCopy;
        // broadcasts may block on flow control: never on a JGroups thread
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("halyard-cib-sync").unstarted(r));
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
     * Called with the warning, also logged, whenever this node gives up a CIB of its own that
     * differs from the peer's copy it adopts (after a partition healed, or when it was behind).
     */
    public void addLossListener(Consumer<String> listener) {
        lossListeners.add(listener);
    }

    /**
     * Replaces the CIB on every member, if {@code base} is still the current version when the
     * change is delivered; returns the new version.
     *
     * @throws ReplicationException NO_CIB, STALE, NO_QUORUM or TIMEOUT, with a message for the admin
     */
    public CibVersion replace(Cib proposed, CibVersion base, Duration timeout) {
        requireCopy();
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

    /**
     * Refuses what needs the cluster's configuration while this node holds only a placeholder.
     *
     * @throws ReplicationException NO_CIB, saying what to do instead
     */
    public synchronized void requireCopy() {
        if (awaitingCopy) {
            throw new ReplicationException(ReplicationException.Kind.NO_CIB, "this node had no intact CIB at its "
                    + "start and waits for a peer's copy: change the configuration on a node that has one, or "
                    + "start one so that this node gets its copy");
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
                case "ANNOUNCE" -> answerAnnounce(from, CibVersion.parse(header[1]), header.length > 2 ? header[2] : null);
                case "WAITING" -> offerTo(from);
                case "FULL" -> receiveFull(from, CibVersion.parse(header[1]), header.length > 2 ? header[2] : OFFER, body);
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
        Cib replaced;
        boolean hadNoCopy;
        boolean behind;
        synchronized (this) {
            hadNoCopy = awaitingCopy;
            // a base this node never had: it missed changes (a copy to it is still on its way) or has no
            // copy at all; the change carries the whole CIB, the one every up-to-date member now holds
            behind = awaitingCopy || base.isNewerThan(cib.version());
            if (!behind && !base.equals(cib.version())) {
                LOG.info("refused change {} from {}: based on {}, current is {}", requestId, from, base, cib.version());
                if (waiting != null) {
                    waiting.completeExceptionally(stale(base, cib.version()));
                }
                return;
            }
            next = CibXml.parse(xml, "change " + requestId + " from " + from.name());
            next.setVersion(base.nextEpoch());
            replaced = install(next);
        }
        if (behind) {
            reportAdopted(from, next, xml, replaced, hadNoCopy, false);
        } else {
            LOG.info("CIB {} -> {}: change {} from {}", base, next.version(), requestId, from.name());
        }
        listeners.forEach(l -> l.accept(next));
        if (waiting != null) {
            waiting.complete(next.version());
        }
    }

    private void answerAnnounce(Member from, CibVersion theirs, String theirDigest) {
        if (from.name().equals(localName)) {
            return;
        }
        String coordinator = coordinator();
        String xml;
        CibVersion mine;
        String kind;
        synchronized (this) {
            if (awaitingCopy) {
                return; // a placeholder is nobody's copy
            }
            mine = cib.version();
            if (mine.isNewerThan(theirs)) {
                kind = OFFER;
            } else if (mine.equals(theirs) && theirDigest != null && localName.equals(coordinator)) {
                kind = SETTLE;
            } else {
                return;
            }
            xml = CibXml.toXml(cib);
            if (kind.equals(SETTLE) && theirDigest.equals(digest(xml))) {
                return;
            }
        }
        LOG.info("{} has CIB {}{}, this node {}: sending it ours", from.name(), theirs,
                kind.equals(SETTLE) ? " with other content" : "", mine);
        send("FULL " + mine + " " + kind, xml);
    }

    /** A node without a CIB of its own asks for one: everyone that has one offers it. */
    private void offerTo(Member from) {
        if (from.name().equals(localName)) {
            return;
        }
        String xml;
        CibVersion mine;
        synchronized (this) {
            if (awaitingCopy) {
                return;
            }
            mine = cib.version();
            xml = CibXml.toXml(cib);
        }
        LOG.info("{} has no CIB and waits for a copy: sending ours, {}", from.name(), mine);
        send("FULL " + mine + " " + OFFER, xml);
    }

    /**
     * A peer's whole CIB: adopted when this node has none, when it is newer, or when it is the
     * coordinator's at the same version with other content. The coordinator answers another
     * node's offer of other content at its version with its own copy, and nobody answers a settling
     * copy: a tie costs one message, and no two nodes can keep sending each other theirs.
     */
    private void receiveFull(Member from, CibVersion theirs, String kind, String xml) {
        if (from.name().equals(localName)) {
            return;
        }
        String coordinator = coordinator();
        Cib adopted;
        Cib replaced;
        boolean hadNoCopy;
        boolean tie;
        synchronized (this) {
            hadNoCopy = awaitingCopy;
            tie = false;
            if (!awaitingCopy && !theirs.isNewerThan(cib.version())) {
                String mine = CibXml.toXml(cib);
                if (!theirs.equals(cib.version()) || mine.equals(xml)) {
                    return;
                }
                if (!from.name().equals(coordinator)) {
                    if (kind.equals(OFFER) && localName.equals(coordinator)) {
                        LOG.info("{} has CIB {} with other content: sending ours, as the coordinator", from.name(),
                                theirs);
                        send("FULL " + cib.version() + " " + SETTLE, mine);
                    }
                    return;
                }
                tie = true;
            }
            adopted = CibXml.parse(xml, "CIB " + theirs + " from " + from.name());
            replaced = install(adopted);
        }
        reportAdopted(from, adopted, xml, replaced, hadNoCopy, tie);
        listeners.forEach(l -> l.accept(adopted));
    }

    /** Makes {@code next} this node's CIB, on disk first; returns the one it replaces. Holding the lock. */
    private Cib install(Cib next) {
        store.save(next);
        Cib replaced = cib;
        cib = next;
        awaitingCopy = false;
        return replaced;
    }

    /** Says what this node gave up for a peer's copy: loudly when its own copy differed. */
    private void reportAdopted(Member from, Cib adopted, String adoptedXml, Cib replaced, boolean hadNoCopy,
            boolean tie) {
        if (hadNoCopy) {
            LOG.warn("adopted CIB {} from {}: this node, which had no intact CIB of its own, now has the cluster's",
                    adopted.version(), from.name());
            return;
        }
        CibDiff diff = CibDiff.of(CibXml.toXml(replaced), adoptedXml);
        if (diff.isEmpty() && !tie) {
            LOG.info("adopted CIB {} from {} (had {})", adopted.version(), from.name(), replaced.version());
            return;
        }
        String warning = "adopted CIB " + adopted.version() + " from " + from.name() + " in place of this node's CIB "
                + replaced.version() + (tie ? " (same version, other content: the coordinator's copy wins)" : "")
                + "; lost with this node's copy (mine, against theirs): "
                + diff.summary(DIFFERENCES_SHOWN);
        LOG.warn("{}", warning);
        lossListeners.forEach(l -> l.accept(warning));
    }

    /**
     * The coordinator's name, or null. Asked before taking this replica's lock: the membership
     * calls {@link #viewChanged} holding its own, so the other order would deadlock.
     */
    private String coordinator() {
        return membership.currentView().coordinator().map(Member::name).orElse(null);
    }

    private static String digest(String xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * New members (a start, a merge): everyone says which version it has, with a digest of its
     * content; a node without a CIB of its own asks for a copy instead.
     */
    @Override
    public void viewChanged(ViewChange change) {
        if (change.joined().isEmpty()) {
            return;
        }
        synchronized (this) {
            if (awaitingCopy) {
                LOG.warn("this node has no CIB of its own and waits for a peer's copy (members now {})",
                        change.current().names());
            }
        }
        announce();
        // a member may install the view a connect timeout after the others (FD_SOCK2 connects while it
        // installs it), judging a tie by the view before; and a broadcast made while the sequencer moves
        // can be lost. Once that is over, everyone says it again.
        sender.schedule(this::announce, membership.timeouts().connect().multipliedBy(2).toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void announce() {
        String header;
        synchronized (this) {
            header = awaitingCopy ? "WAITING" : "ANNOUNCE " + cib.version() + " " + digest(CibXml.toXml(cib));
        }
        send(header, "");
    }

    /** Broadcasts from the sender thread, in the order asked. */
    private void send(String header, String body) {
        byte[] message = encode(header, body);
        sender.execute(() -> broadcastQuietly(message));
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
