package org.halyard.ui.connection;

import org.halyard.api.ClusterEvent;
import org.halyard.api.StatusReport;

/**
 * Hears what a {@link ClusterConnection} sees. Called on the connection's own thread: a view
 * hands the work to its UI thread itself.
 */
public interface ClusterListener {

    default void stateChanged(ClusterConnection connection, ConnectionState state) {
    }

    /** A new picture of the cluster, with the event that brought it (never a heartbeat). */
    default void statusChanged(ClusterConnection connection, StatusReport report, ClusterEvent event) {
    }
}
