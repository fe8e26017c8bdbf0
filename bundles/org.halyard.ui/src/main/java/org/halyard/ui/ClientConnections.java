package org.halyard.ui;

import java.util.concurrent.atomic.AtomicReference;

import org.halyard.ssh.HalyardSsh;
import org.halyard.ui.connection.ClusterConnections;
import org.halyard.ui.connection.ConnectionSettings;
import org.halyard.ui.connection.SshChannels;

/**
 * The client's one set of cluster connections, over one SSH client whose host-key and password
 * questions are asked in dialogs. The SSH client starts with the first connection.
 */
public final class ClientConnections {

    private static ClusterConnections connections;
    private static final AtomicReference<HalyardSsh> SSH = new AtomicReference<>();

    private ClientConnections() {
    }

    public static synchronized ClusterConnections get() {
        if (connections == null) {
            ConnectionSettings settings = ConnectionSettings.defaults();
            connections = new ClusterConnections(settings, cluster -> new SshChannels(ssh(settings), cluster),
                    ClientConnections::closeSsh);
        }
        return connections;
    }

    private static HalyardSsh ssh(ConnectionSettings settings) {
        return SSH.updateAndGet(existing -> existing != null ? existing
                : new HalyardSsh(settings.knownHosts(), new DialogPrompts(), new DialogPrompts(),
                        HalyardSsh.agentSocketFromEnvironment()));
    }

    private static void closeSsh() {
        HalyardSsh ssh = SSH.getAndSet(null);
        if (ssh != null) {
            ssh.close();
        }
    }

    /** Disconnects every cluster and stops the SSH client (when the workbench closes). */
    public static synchronized void shutdown() {
        if (connections != null) {
            connections.close();
            connections = null;
        }
    }
}
