package org.halyard.ui.connection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.halyard.api.ClusterEvent;
import org.halyard.api.StatusReport;
import org.halyard.ui.ClusterDefinition;

/**
 * The client's connections, one per cluster name, several connected at once. Listeners added
 * here hear every connection, including ones made later.
 */
public final class ClusterConnections implements AutoCloseable {

    private final ConnectionSettings settings;
    private final Function<ClusterDefinition, ChannelOpener> openers;
    private final Map<String, ClusterConnection> connections = new ConcurrentHashMap<>();
    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private final Runnable onClose;
    private final ClusterListener relay = new ClusterListener() {
        @Override
        public void stateChanged(ClusterConnection connection, ConnectionState state) {
            listeners.forEach(l -> l.stateChanged(connection, state));
        }

        @Override
        public void statusChanged(ClusterConnection connection, StatusReport report, ClusterEvent event) {
            listeners.forEach(l -> l.statusChanged(connection, report, event));
        }
    };

    /**
     * @param openers how to reach a cluster's nodes (SSH in the client)
     * @param onClose releases what the openers share (the SSH client), after every disconnect
     */
    public ClusterConnections(ConnectionSettings settings, Function<ClusterDefinition, ChannelOpener> openers,
            Runnable onClose) {
        this.settings = settings;
        this.openers = openers;
        this.onClose = onClose;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public Optional<ClusterConnection> get(String clusterName) {
        return Optional.ofNullable(connections.get(clusterName));
    }

    /**
     * The connection for this cluster, made (not connected) if there is none yet. A connection
     * made for an older definition of the cluster (edited since) is replaced while it is not active.
     */
    public synchronized ClusterConnection connectionFor(ClusterDefinition cluster) {
        ClusterConnection existing = connections.get(cluster.name());
        if (existing != null && (existing.cluster().equals(cluster) || existing.state().isActive())) {
            return existing;
        }
        return add(new ClusterConnection(cluster, openers.apply(cluster), settings));
    }

    /** Registers a connection made elsewhere (another backend, a test), replacing one of that name. */
    public synchronized ClusterConnection add(ClusterConnection connection) {
        ClusterConnection old = connections.put(connection.cluster().name(), connection);
        if (old != null && old != connection) {
            old.removeListener(relay);
            old.disconnect();
        }
        connection.addListener(relay);
        return connection;
    }

    /** Disconnects and forgets the cluster's connection (when the cluster is removed). */
    public void remove(String clusterName) {
        ClusterConnection gone;
        synchronized (this) {
            gone = connections.remove(clusterName);
        }
        if (gone != null) {
            gone.disconnect();
            gone.removeListener(relay);
        }
    }

    public void addListener(ClusterListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ClusterListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        connections.values().forEach(ClusterConnection::disconnect);
        connections.clear();
        onClose.run();
    }
}
