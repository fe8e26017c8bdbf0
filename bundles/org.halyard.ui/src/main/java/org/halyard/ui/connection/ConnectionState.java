package org.halyard.ui.connection;

import java.time.Duration;

/** Where a cluster connection stands, in words the explorer and status view show as they are. */
public record ConnectionState(Phase phase, String node, Duration retryIn, String reason) {

    public enum Phase {
        /** Not connected in this session yet: shown without a state. */
        NEVER_CONNECTED, CONNECTING, CONNECTED, RECONNECTING, DISCONNECTED
    }

    public static final ConnectionState NEVER_CONNECTED = new ConnectionState(Phase.NEVER_CONNECTED, null, null, null);

    public static ConnectionState connecting(String node) {
        return new ConnectionState(Phase.CONNECTING, node, null, null);
    }

    public static ConnectionState connected(String node) {
        return new ConnectionState(Phase.CONNECTED, node, null, null);
    }

    public static ConnectionState reconnecting(Duration retryIn, String reason) {
        return new ConnectionState(Phase.RECONNECTING, null, retryIn, reason);
    }

    public static ConnectionState disconnected(String reason) {
        return new ConnectionState(Phase.DISCONNECTED, null, null, reason);
    }

    public boolean isConnected() {
        return phase == Phase.CONNECTED;
    }

    /** True while the connection is wanted: connected, or on its way there. */
    public boolean isActive() {
        return phase != Phase.DISCONNECTED && phase != Phase.NEVER_CONNECTED;
    }

    /** "Connected to node1", "Reconnecting in 4 s (node1: connection lost)", "Disconnected". */
    public String describe() {
        return switch (phase) {
            case CONNECTING -> "Connecting to " + node + "\u2026";
            case CONNECTED -> "Connected to " + node;
            case RECONNECTING -> "Reconnecting in " + retryIn.toSeconds() + " s (" + reason + ")";
            case NEVER_CONNECTED -> "Not connected";
            case DISCONNECTED -> reason == null ? "Disconnected" : "Disconnected: " + reason;
        };
    }
}
