package org.halyard.cluster.membership;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import org.halyard.cluster.auth.Authkey;
import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.NodeEntry;
import org.halyard.cluster.quorum.QuorumState;
import org.halyard.cluster.quorum.Votequorum;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's membership in the cluster: a JGroups channel built from the cluster
 * configuration ({@link MembershipStack}), the views it installs with their quorum
 * ({@link Votequorum}), the DC, and total-order broadcast for the layers above.
 *
 * <p>Life cycle: construct, {@link #addListener add listeners} and {@link #setMessageHandler set
 * the handler}, {@link #start()}, ..., {@link #close()}. Not restartable: a new instance per start.
 *
 * <p>Threads: views, quorum changes and messages arrive on JGroups threads; listeners are called
 * one event at a time, in order. Queries ({@link #currentView()}, {@link #quorum()}, {@link #dc()})
 * may be called from anywhere.
 */
public final class ClusterMembership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);
    /** First payload byte: what a message of ours is. */
    static final byte APPLICATION = 0;
    static final byte GOODBYE = 1;
    static final byte GOODBYE_ACK = 2;

    private final ClusterConfig config;
    private final NodeEntry local;
    private final SecretKey transportKey;
    private final int port;
    private final String clusterName;
    private final MembershipTimeouts timeouts;
    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    /** Who receives broadcasts, by topic (the CIB's replication, the controller's work). */
    private final Map<String, MessageHandler> messageHandlers = new ConcurrentHashMap<>();

    /** Guards the view state below; listeners are notified holding it, so events arrive in order. */
    private final Object lock = new Object();
    private final Votequorum votequorum;
    private ClusterView view = ClusterView.NONE;
    private List<Address> viewAddresses = List.of();
    private QuorumState quorum;
    private final Set<Address> goodbyes = new HashSet<>();
    /** While closing: the members that have not yet acknowledged our goodbye. */
    private final Set<Address> goodbyeAcksMissing = new HashSet<>();
    private Future<?> lastManStandingTimer;

    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;
    private volatile JChannel channel;

    /** A member on {@code local}'s ring0_addr and the totem port. */
    public ClusterMembership(ClusterConfig config, NodeEntry local, Authkey authkey) {
        this(config, local, authkey, config.totem().port());
    }

    /**
     * A member listening on {@code port} instead of the totem port; every node of the cluster must
     * use the same port (tests use a free one, with the nodes on different loopback addresses).
     */
    public ClusterMembership(ClusterConfig config, NodeEntry local, Authkey authkey, int port) {
        this.config = Objects.requireNonNull(config, "config");
        this.local = Objects.requireNonNull(local, "local");
        if (!config.nodes().contains(local)) {
            throw new IllegalArgumentException(local + " is not in the nodelist");
        }
        this.transportKey = authkey.deriveAesKey(Authkey.CLUSTER_TRANSPORT);
        this.port = port;
        this.clusterName = config.totem().clusterName().orElse("halyard");
        this.timeouts = MembershipTimeouts.from(config.totem());
        this.votequorum = new Votequorum(config.quorum(), config.nodes());
        this.quorum = votequorum.state();
    }

    public void addListener(MembershipListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(MembershipListener listener) {
        listeners.remove(listener);
    }

    /**
     * Who receives {@link #broadcast(String, byte[]) broadcasts} on a topic; set it before
     * {@link #start()} to miss none.
     */
    public void setMessageHandler(String topic, MessageHandler handler) {
        checkTopic(topic);
        messageHandlers.put(topic, Objects.requireNonNull(handler, "handler"));
    }

    private static byte[] checkTopic(String topic) {
        byte[] bytes = topic.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (bytes.length == 0 || bytes.length > 64) {
            throw new IllegalArgumentException("topic \"" + topic + "\" must have 1 to 64 characters");
        }
        return bytes;
    }

    /**
     * Joins the cluster: returns once this node is in a view, either joined to the members it
     * found or alone (then it merges with them when they appear). A join refused because this
     * node is still a member in its previous incarnation (a quick restart) is retried until that
     * incarnation must have been excluded.
     *
     * @throws MembershipException when the node cannot bind its address or is refused for good
     */
    public void start() {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("already started; ClusterMembership is not restartable");
            }
            started = true;
        }
        // a previous incarnation of this node is excluded within hungNodeExclusion plus a view change
        long deadline = System.nanoTime() + timeouts.hungNodeExclusion().plus(timeouts.viewAck()).multipliedBy(2).toNanos();
        while (true) {
            JChannel candidate = newChannel();
            try {
                candidate.connect(clusterName);
                channel = candidate;
                break;
            } catch (Exception e) {
                candidate.close();
                if (!(rootCause(e) instanceof SecurityException) || System.nanoTime() > deadline) {
                    throw new MembershipException(refusal(e), e);
                }
                LOG.info("node {} was refused by the cluster ({}); retrying while its previous incarnation is excluded",
                        local.name(), rootCause(e).getMessage());
                pause();
            }
        }
        synchronized (lifecycle) {
            if (closed) { // close() ran during the join
                channel.close();
                return;
            }
        }
        LOG.info("node {} (nodeid {}) joined cluster \"{}\" on {}:{}: {}", local.name(), local.nodeid(), clusterName,
                local.ring0Addr(), port, currentView().names());
    }

    private JChannel newChannel() {
        try {
            JChannel ch = new JChannel(MembershipStack.build(config, local, port, transportKey, clusterName, timeouts));
            // JGroups' probe listener (UDP multicast 224.0.75.75:7500) answers anyone, unauthenticated;
            // it is created by init, so it can only be switched off here, before connect starts it
            ch.getProtocolStack().getTransport().getDiagnosticsHandler().setEnabled(false);
            ch.addAddressGenerator(new NodeAddressGenerator(local));
            ch.name(local.name());
            ch.setReceiver(new Receiver() {
                @Override
                public void viewAccepted(View newView) {
                    onView(newView);
                }

                @Override
                public void receive(Message msg) {
                    onMessage(msg);
                }
            });
            return ch;
        } catch (MembershipException e) {
            throw e;
        } catch (Exception e) {
            throw new MembershipException("cannot build the cluster stack for node " + local.name() + ": " + e, e);
        }
    }

    private String refusal(Exception e) {
        Throwable cause = rootCause(e);
        String where = local.ring0Addr() + ":" + port;
        if (cause instanceof SecurityException) {
            return "node " + local.name() + " (nodeid " + local.nodeid() + ") was refused by cluster \"" + clusterName
                    + "\": " + cause.getMessage() + "; the coordinator's log says why (another daemon running as "
                    + local.name() + "? a different nodelist?)";
        }
        return "node " + local.name() + " cannot join cluster \"" + clusterName + "\" on " + where + ": " + cause
                + " (is the address local and the port, and port + " + MembershipStack.FD_SOCK_OFFSET + ", free?)";
    }

    /**
     * Broadcasts {@code payload} to every member of the partition, this one included, in total
     * order (SEQUENCER): all members deliver all broadcasts in the same order. Blocks while flow
     * control holds the sender back. Members deliver it to their handler for the topic.
     */
    public void broadcast(String topic, byte[] payload) {
        JChannel ch = requireStarted();
        byte[] name = checkTopic(topic);
        byte[] wire = new byte[2 + name.length + payload.length];
        wire[0] = APPLICATION;
        wire[1] = (byte) name.length;
        System.arraycopy(name, 0, wire, 2, name.length);
        System.arraycopy(payload, 0, wire, 2 + name.length, payload.length);
        try {
            ch.send(new BytesMessage(null, wire));
        } catch (Exception e) {
            throw new MembershipException("node " + local.name() + " cannot broadcast: " + e, e);
        }
    }

    public ClusterView currentView() {
        synchronized (lock) {
            return view;
        }
    }

    public QuorumState quorum() {
        synchronized (lock) {
            return quorum;
        }
    }

    /** The DC: the coordinator of this partition if it is quorate. */
    public Optional<Member> dc() {
        synchronized (lock) {
            return quorum.quorate() ? view.coordinator() : Optional.empty();
        }
    }

    /** Whether this node is the DC. */
    public boolean isDc() {
        JChannel ch = channel;
        synchronized (lock) {
            return quorum.quorate() && ch != null && !viewAddresses.isEmpty()
                    && viewAddresses.get(0).equals(ch.getAddress());
        }
    }

    public Member localMember() {
        return new Member(local.nodeid(), local.name());
    }

    public MembershipTimeouts timeouts() {
        return timeouts;
    }

    /** Leaves the cluster, saying goodbye first so the others report this node as left, not crashed. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        synchronized (lock) {
            cancelLastManStandingTimer();
        }
        JChannel ch = channel;
        if (ch == null) {
            return;
        }
        if (ch.isConnected()) {
            sayGoodbye(ch);
        }
        ch.close();
        LOG.info("node {} left cluster \"{}\"", local.name(), clusterName);
    }

    /**
     * Tells the others this is a clean stop and waits (at most a view change's time) until each
     * has recorded it: the view that follows comes from the coordinator on another path and could
     * otherwise overtake the goodbye, turning a clean stop into a crash.
     */
    private void sayGoodbye(JChannel ch) {
        synchronized (lock) {
            viewAddresses.stream().filter(a -> !a.equals(ch.getAddress())).forEach(goodbyeAcksMissing::add);
            if (goodbyeAcksMissing.isEmpty()) {
                return;
            }
        }
        try {
            // direct and out of band, not through the sequencer: it must not queue behind anything
            ch.send(new BytesMessage(null, new byte[] {GOODBYE})
                    .setFlag(Message.Flag.NO_TOTAL_ORDER, Message.Flag.OOB));
            long deadline = System.nanoTime() + timeouts.viewAck().toNanos();
            synchronized (lock) {
                while (!goodbyeAcksMissing.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.info("node {} leaves without goodbye acknowledgements from {}", local.name(),
                                goodbyeAcksMissing);
                        break;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
                goodbyeAcksMissing.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.info("goodbye of {} not sent ({}); the others will report it as lost", local.name(), e.toString());
        }
    }

    /** The channel, for tests that simulate failures. */
    JChannel channel() {
        return channel;
    }

    private JChannel requireStarted() {
        JChannel ch = channel;
        if (ch == null || !ch.isConnected()) {
            throw new IllegalStateException("node " + local.name() + " is not a cluster member (not started, or closed)");
        }
        return ch;
    }

    private void onView(View newView) {
        synchronized (lock) {
            List<Address> addresses = newView.getMembers();
            List<Member> members = addresses.stream().map(ClusterMembership::memberOf).toList();
            ClusterView next = new ClusterView(newView.getViewId().getId(), members);
            List<Member> joined = new ArrayList<>();
            for (Address a : addresses) {
                if (!viewAddresses.contains(a)) {
                    joined.add(memberOf(a));
                }
            }
            List<Member> left = new ArrayList<>();
            List<Member> crashed = new ArrayList<>();
            for (Address a : viewAddresses) {
                if (!addresses.contains(a)) {
                    (goodbyes.remove(a) ? left : crashed).add(memberOf(a));
                }
            }
            QuorumState before = quorum;
            quorum = votequorum.membershipChanged(members.stream().map(Member::nodeid).toList());
            ClusterView previous = view;
            view = next;
            viewAddresses = List.copyOf(addresses);
            restartLastManStandingTimer();
            Optional<Member> dc = quorum.quorate() ? next.coordinator() : Optional.empty();
            ViewChange change = new ViewChange(previous, next, joined, left, crashed, quorum, dc);
            LOG.info("view {}: {}{}{}{}; {}; DC {}", next.viewId(), next.names(), describe(" joined ", joined),
                    describe(" left ", left), describe(" lost ", crashed), quorum, dc.map(Member::name).orElse("none"));
            for (MembershipListener l : listeners) {
                notify(l, () -> l.viewChanged(change));
            }
            notifyQuorum(before);
        }
    }

    private void onMessage(Message msg) {
        if (!msg.hasArray() || msg.getLength() < 1) {
            return;
        }
        byte[] data = msg.getArray();
        int offset = msg.getOffset();
        switch (data[offset]) {
            case APPLICATION -> {
                Member sender = memberOf(msg.getSrc());
                int nameLength = msg.getLength() > 1 ? data[offset + 1] : -1;
                if (nameLength < 1 || 2 + nameLength > msg.getLength()) {
                    LOG.warn("malformed message of {} bytes from {} dropped", msg.getLength(), sender);
                    return;
                }
                String topic = new String(data, offset + 2, nameLength, java.nio.charset.StandardCharsets.US_ASCII);
                byte[] payload = java.util.Arrays.copyOfRange(data, offset + 2 + nameLength, offset + msg.getLength());
                MessageHandler handler = messageHandlers.get(topic);
                if (handler == null) {
                    LOG.warn("message of {} bytes on topic \"{}\" from {} dropped: nobody here handles it",
                            payload.length, topic, sender);
                    return;
                }
                try {
                    handler.deliver(sender, payload);
                } catch (RuntimeException e) {
                    LOG.error("message handler failed on a message from {}", sender, e);
                }
            }
            case GOODBYE -> {
                synchronized (lock) {
                    goodbyes.add(msg.getSrc());
                }
                acknowledgeGoodbye(msg.getSrc());
            }
            case GOODBYE_ACK -> {
                synchronized (lock) {
                    if (goodbyeAcksMissing.remove(msg.getSrc())) {
                        lock.notifyAll();
                    }
                }
            }
            default -> LOG.warn("message of unknown kind {} from {} ignored (a newer Halyard?)", data[offset],
                    msg.getSrc());
        }
    }

    private void acknowledgeGoodbye(Address leaver) {
        JChannel ch = channel;
        if (ch == null || leaver.equals(ch.getAddress())) {
            return;
        }
        try {
            ch.send(new BytesMessage(leaver, new byte[] {GOODBYE_ACK}).setFlag(Message.Flag.OOB));
        } catch (Exception e) {
            LOG.debug("goodbye of {} not acknowledged: {}", leaver, e.toString());
        }
    }

    private void restartLastManStandingTimer() {
        if (!votequorum.lastManStandingTimerWanted()) {
            return;
        }
        cancelLastManStandingTimer();
        JChannel ch = channel;
        if (ch == null) {
            // the first view arrives inside connect(), before channel is set; a first view has nobody who left
            return;
        }
        lastManStandingTimer = ch.getProtocolStack().getTransport().getTimer().schedule(() -> {
            synchronized (lock) {
                QuorumState before = quorum;
                quorum = votequorum.lastManStandingWindowExpired();
                if (!before.equals(quorum)) {
                    LOG.info("last_man_standing: {}", quorum);
                }
                notifyQuorum(before);
            }
        }, config.quorum().lastManStandingWindow().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelLastManStandingTimer() {
        if (lastManStandingTimer != null) {
            lastManStandingTimer.cancel(false);
            lastManStandingTimer = null;
        }
    }

    private void notifyQuorum(QuorumState before) {
        if (before.equals(quorum)) {
            return;
        }
        QuorumState after = quorum;
        for (MembershipListener l : listeners) {
            notify(l, () -> l.quorumChanged(before, after));
        }
    }

    private static void notify(MembershipListener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("membership listener {} failed", listener, e);
        }
    }

    private static Member memberOf(Address address) {
        // every member passed NodelistToken, so this fallback is for a foreign address only
        return NodeIdentity.memberOf(address).orElseGet(() -> new Member(0, String.valueOf(address)));
    }

    private static String describe(String what, List<Member> members) {
        return members.isEmpty() ? "" : what + members;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void pause() {
        try {
            Thread.sleep(timeouts.join().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MembershipException("interrupted while joining cluster \"" + clusterName + "\"", e);
        }
    }
}
