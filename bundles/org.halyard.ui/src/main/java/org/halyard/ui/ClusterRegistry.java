package org.halyard.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/** The clusters the admin has added, persisted in the workspace's instance preferences. */
public final class ClusterRegistry {

    private static final String CLUSTERS = "clusters";
    /** The remote command of an OpenSSH cluster; absent for the halyard subsystem. */
    private static final String COMMAND = "command";
    private final Preferences root;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public ClusterRegistry(Preferences root) {
        this.root = root;
    }

    private static ClusterRegistry workspace;

    /** The one registry of this client, shared by every view so they see the same changes. */
    public static synchronized ClusterRegistry forWorkspace() {
        if (workspace == null) {
            IEclipsePreferences node = InstanceScope.INSTANCE.getNode("org.halyard.ui");
            workspace = new ClusterRegistry(node);
        }
        return workspace;
    }

    public List<ClusterDefinition> clusters() {
        try {
            Preferences clusters = root.node(CLUSTERS);
            List<ClusterDefinition> result = new ArrayList<>();
            for (String name : clusters.childrenNames()) {
                Preferences c = clusters.node(name);
                List<String> nodes = Arrays.stream(c.get("nodes", "").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                result.add(new ClusterDefinition(name, nodes, c.get("user", "root"), c.get("keyFile", ""),
                        c.get(COMMAND, "")));
            }
            result.sort(Comparator.comparing(ClusterDefinition::name, String.CASE_INSENSITIVE_ORDER));
            return result;
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot read the cluster list from the workspace preferences", e);
        }
    }

    /** Adds or replaces the cluster of that name and flushes to disk at once. */
    public void put(ClusterDefinition cluster) {
        Preferences c = root.node(CLUSTERS).node(cluster.name());
        c.put("nodes", String.join(",", cluster.nodes()));
        c.put("user", cluster.user());
        c.put("keyFile", cluster.keyFile());
        if (cluster.command().isEmpty()) {
            c.remove(COMMAND); // the subsystem: clusters saved before exec mode look the same
        } else {
            c.put(COMMAND, cluster.command());
        }
        flush();
    }

    public void remove(String name) {
        try {
            Preferences clusters = root.node(CLUSTERS);
            if (clusters.nodeExists(name)) {
                clusters.node(name).removeNode();
            }
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot remove cluster \"" + name + "\" from the preferences", e);
        }
        flush();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void flush() {
        try {
            root.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot save the cluster list to the workspace preferences", e);
        }
        listeners.forEach(Runnable::run);
    }
}
