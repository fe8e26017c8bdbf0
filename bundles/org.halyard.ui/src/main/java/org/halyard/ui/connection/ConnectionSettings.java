package org.halyard.ui.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client reaches clusters: the known_hosts file that host keys are checked against, how
 * long a silent event stream is trusted (the daemon sends a heartbeat every ~5 s), and the
 * longest pause between reconnect attempts.
 */
public record ConnectionSettings(Path knownHosts, Duration deadLinkAfter, Duration maxBackoff) {

    /** System property naming another known_hosts file (the demo passes a generated one). */
    public static final String KNOWN_HOSTS_PROPERTY = "halyard.knownHosts";
    public static final Duration DEAD_LINK_AFTER = Duration.ofSeconds(15);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public ConnectionSettings {
        Objects.requireNonNull(knownHosts, "knownHosts");
        if (deadLinkAfter.isNegative() || deadLinkAfter.isZero() || maxBackoff.isNegative() || maxBackoff.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** ~/.ssh/known_hosts unless {@value #KNOWN_HOSTS_PROPERTY} names another file. */
    public static ConnectionSettings defaults() {
        String property = System.getProperty(KNOWN_HOSTS_PROPERTY);
        Path knownHosts = property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        return new ConnectionSettings(knownHosts, DEAD_LINK_AFTER, MAX_BACKOFF);
    }
}
