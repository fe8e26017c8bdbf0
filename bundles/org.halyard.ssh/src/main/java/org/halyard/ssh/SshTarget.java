package org.halyard.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One node as the client reaches it: host, port, user and, optionally, the private key file to
 * log in with. Without a key file the login uses the SSH agent or asks for a password.
 */
public record SshTarget(String host, int port, String user, Path keyFile) {

    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 1..65535");
        }
    }

    /** A target logged in to through the SSH agent or a password. */
    public SshTarget(String host, int port, String user) {
        this(host, port, user, null);
    }

    public Optional<Path> key() {
        return Optional.ofNullable(keyFile);
    }

    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
