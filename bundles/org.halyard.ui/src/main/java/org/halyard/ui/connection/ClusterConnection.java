package org.halyard.ui.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.halyard.api.ApiClient;
import org.halyard.api.ApiException;
import org.halyard.api.ClusterEvent;
import org.halyard.api.ErrorCode;
import org.halyard.api.Request;
import org.halyard.api.StatusReport;
import org.halyard.ssh.SshConnectException;
import org.halyard.ui.ClusterDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's live link to one cluster: a command channel and the event stream to one of its
 * nodes, tried in the order the admin gave them. The latest {@link StatusReport} is kept and
 * handed to listeners. A stream silent for longer than the dead-link timeout (heartbeats come
 * every ~5 s) is closed; a lost stream is reopened, with growing pauses, on the next node, resuming
 * from the last event seen. Nothing is polled.
 */
public final class ClusterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnection.class);
    /** Refusals that another attempt would only repeat: stop and say so instead of retrying. */
    private static final Set<ErrorCode> FATAL = EnumSet.of(ErrorCode.BAD_REQUEST, ErrorCode.FORBIDDEN,
            ErrorCode.NOT_FOUND, ErrorCode.PROTOCOL);

    private final ClusterDefinition cluster;
    private final ChannelOpener opener;
    private final ConnectionSettings settings;
    private final Backoff backoff;
    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();

    private volatile ConnectionState state = ConnectionState.NEVER_CONNECTED;
    private volatile StatusReport latest;
    private volatile Link link;
    private volatile boolean wanted;
    private Thread worker;
    private int nextNode;
    /** Where the event stream resumes after a reconnect (only meaningful within one incarnation). */
    private volatile String incarnation;
    private volatile long seq;
    private volatile long lastFrameNanos;

    public ClusterConnection(ClusterDefinition cluster, ChannelOpener opener, ConnectionSettings settings) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = new Backoff(settings.maxBackoff());
    }

    public ClusterDefinition cluster() {
        return cluster;
    }

    public ConnectionState state() {
        return state;
    }

    /** The newest picture of the cluster, or null before the first event. */
    public StatusReport latest() {
        return latest;
    }

    public void addListener(ClusterListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ClusterListener listener) {
        listeners.remove(listener);
    }

    /**
     * Tries the cluster's nodes in order until one opens both channels and sends its first event,
     * then keeps the stream going on its own thread until {@link #disconnect()}. Runs in the
     * caller's thread (a Job), reporting each node tried.
     *
     * @throws ClusterConnectException naming each node and why it failed, when none worked
     * @throws OperationCanceledException when the monitor was cancelled
     */
    public void connect(IProgressMonitor monitor) {
        List<String> nodes = cluster.nodes();
        SubMonitor progress = SubMonitor.convert(monitor, "Connecting to " + cluster.name(), nodes.size());
        synchronized (this) {
            if (wanted) {
                return; // connected or reconnecting already
            }
            wanted = true;
        }
        List<String> failures = new ArrayList<>();
        RuntimeException last = null;
        for (int i = 0; i < nodes.size(); i++) {
            if (progress.isCanceled()) {
                stop(ConnectionState.disconnected("cancelled"));
                throw new OperationCanceledException();
            }
            String node = nodes.get(i);
            progress.subTask(node);
            setState(ConnectionState.connecting(node));
            CompletableFuture<Void> firstEvent = new CompletableFuture<>();
            try {
                Link opened = Link.open(opener, node);
                synchronized (this) {
                    if (!wanted) {
                        opened.close();
                        throw new OperationCanceledException();
                    }
                    nextNode = (i + 1) % nodes.size();
                    startWorker(opened, firstEvent);
                }
                awaitFirstEvent(firstEvent, node);
                return;
            } catch (OperationCanceledException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.debug("{}: {} failed", cluster.name(), node, e);
                failures.add(e.getMessage());
                last = e;
                // tells a worker still streaming from this node to end instead of reconnecting
                firstEvent.completeExceptionally(e);
                stopWorker();
            }
            progress.worked(1);
        }
        String reason = String.join("; ", failures);
        stop(ConnectionState.disconnected(reason));
        throw new ClusterConnectException("cannot connect to cluster \u201c" + cluster.name() + "\u201d: " + reason, last);
    }

    private void awaitFirstEvent(CompletableFuture<Void> firstEvent, String node) {
        try {
            firstEvent.get(settings.deadLinkAfter().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, node + ": no event within "
                    + settings.deadLinkAfter().toSeconds() + " s of asking to watch");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
    }

    /** Closes both channels and stops reconnecting; the last picture stays readable. */
    public void disconnect() {
        stop(ConnectionState.disconnected(null));
    }

    private void stop(ConnectionState finalState) {
        synchronized (this) {
            wanted = false;
        }
        stopWorker();
        setState(finalState);
    }

    private void stopWorker() {
        Thread running;
        synchronized (this) {
            running = worker;
            worker = null;
        }
        closeLink();
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
            try {
                running.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs work with the command channel (one request at a time on it).
     *
     * @throws ApiException UNAVAILABLE while not connected, or the daemon's refusal
     */
    public <T> T withCommands(Function<ApiClient, T> work) {
        Link current = link;
        if (current == null || !state.isConnected()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "cluster \u201c" + cluster.name() + "\u201d is not connected ("
                    + state.describe() + ")");
        }
        return work.apply(current.commands());
    }

    /** Sends one request built from the command channel and returns its one-line result. */
    public String call(Function<ApiClient, Request> request) {
        return withCommands(client -> client.call(request.apply(client)).text());
    }

    private void startWorker(Link opened, CompletableFuture<Void> firstEvent) {
        link = opened;
        worker = Thread.ofPlatform().daemon().name("halyard-events-" + cluster.name())
                .start(() -> run(opened, firstEvent));
    }

    /** The worker: stream events; when the stream ends, reconnect with backoff until unwanted. */
    private void run(Link first, CompletableFuture<Void> firstEvent) {
        Link current = first;
        while (wanted && current != null) {
            String reason = stream(current, firstEvent);
            closeLink();
            if (!wanted || firstEvent.isCompletedExceptionally()) {
                return; // connect() reports a first failure itself
            }
            current = reconnect(reason);
        }
    }

    /** Streams until the link ends; returns why it ended, for the person. */
    private String stream(Link current, CompletableFuture<Void> firstEvent) {
        setState(ConnectionState.connected(current.node()));
        lastFrameNanos = System.nanoTime();
        AtomicBoolean silent = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("halyard-watchdog-" + cluster.name())
                .start(() -> watchdog(current, silent));
        try {
            ApiClient events = current.events();
            Request watch = events.request("watch").with("since", String.valueOf(seq));
            if (incarnation != null) {
                watch.with("incarnation", incarnation);
            }
            events.watch(watch, event -> onEvent(event, firstEvent));
            return current.node() + ": the event stream ended";
        } catch (ApiException e) {
            if (!firstEvent.isDone()) {
                firstEvent.completeExceptionally(e);
            } else if (FATAL.contains(e.code())) {
                wanted = false;
                setState(ConnectionState.disconnected(current.node() + ": " + e.getMessage()));
            }
            return silent.get() ? current.node() + ": no event for " + settings.deadLinkAfter().toSeconds() + " s"
                    : e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("{}: event stream from {} failed", cluster.name(), current.node(), e);
            firstEvent.completeExceptionally(e);
            return current.node() + ": " + e;
        } finally {
            watchdog.interrupt();
        }
    }

    /** Closes a link that stays silent too long; that ends the blocked watch. */
    private void watchdog(Link current, AtomicBoolean silent) {
        long limit = settings.deadLinkAfter().toNanos();
        try {
            while (System.nanoTime() - lastFrameNanos < limit) {
                Thread.sleep(Math.max(1, Math.min(1000, (limit - (System.nanoTime() - lastFrameNanos)) / 1_000_000)));
            }
            LOG.info("{}: no event from {} for {}, closing the link", cluster.name(), current.node(),
                    settings.deadLinkAfter());
            silent.set(true);
            current.close();
        } catch (InterruptedException e) {
            // the stream ended first
        }
    }

    private void onEvent(ClusterEvent event, CompletableFuture<Void> firstEvent) {
        lastFrameNanos = System.nanoTime();
        // a link counts as working once it delivers; one that opens and dies keeps backing off
        backoff.reset();
        if (event.incarnation != null) {
            incarnation = event.incarnation;
            seq = event.seq;
        }
        firstEvent.complete(null);
        if (event.isHeartbeat() || event.status == null) {
            return;
        }
        latest = event.status;
        for (ClusterListener listener : listeners) {
            try {
                listener.statusChanged(this, event.status, event);
            } catch (RuntimeException e) {
                LOG.warn("listener failed on {}", event, e);
            }
        }
    }

    /** Waits, tries the next node, again and longer, until one answers or the person disconnects. */
    private Link reconnect(String reason) {
        String why = reason;
        while (wanted) {
            Duration pause = backoff.next();
            setState(ConnectionState.reconnecting(pause, why));
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return null;
            }
            String node;
            synchronized (this) {
                if (!wanted) {
                    return null;
                }
                node = cluster.nodes().get(nextNode);
                nextNode = (nextNode + 1) % cluster.nodes().size();
            }
            setState(ConnectionState.connecting(node));
            try {
                Link opened = Link.open(opener, node);
                synchronized (this) {
                    if (!wanted) {
                        opened.close();
                        return null;
                    }
                    link = opened;
                }
                return opened;
            } catch (SshConnectException e) {
                if (e.cancelledByPerson()) {
                    // a cancelled password dialog ends the reconnecting: asking again after each pause
                    // would not take no for an answer
                    synchronized (this) {
                        wanted = false;
                    }
                    setState(ConnectionState.disconnected(e.getMessage()));
                    return null;
                }
                why = e.getMessage();
            } catch (RuntimeException e) {
                why = e.getMessage();
            }
        }
        return null;
    }

    private void closeLink() {
        Link current = link;
        link = null;
        if (current != null) {
            current.close();
        }
    }

    private void setState(ConnectionState next) {
        if (next.equals(state)) {
            return;
        }
        state = next;
        LOG.debug("{}: {}", cluster.name(), next.describe());
        for (ClusterListener listener : listeners) {
            try {
                listener.stateChanged(this, next);
            } catch (RuntimeException e) {
                LOG.warn("listener failed on {}", next, e);
            }
        }
    }
}
