package org.halyard.ssh;

import java.nio.file.Path;
import java.util.Objects;

/** One node as the client reaches it: host, port, user and the private key file to log in with. */
public record SshTarget(String host, int port, String user, Path keyFile) {

    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(keyFile, "keyFile");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 1..65535");
        }
    }

    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
