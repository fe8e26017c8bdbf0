package org.halyard.ui;

import java.util.List;
import java.util.Objects;

/**
 * A cluster as the admin entered it: a name and the nodes reached over SSH. Only a key file's
 * path is kept, never a password or key material. The remote command, when given (e.g.
 * {@code sudo -n /opt/halyard/halyard api}), is run on nodes whose SSH server is OpenSSH instead of
 * asking for the {@code halyard} subsystem of halyardd's own SSH server.
 */
public record ClusterDefinition(String name, List<String> nodes, String user, String keyFile, String command) {

    public ClusterDefinition {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a cluster needs a name");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("cluster \"" + name + "\" needs at least one node (host[:port])");
        }
        for (String node : nodes) {
            NodeAddress.parse(node);
        }
        nodes = List.copyOf(nodes);
        user = user == null || user.isBlank() ? "root" : user.strip();
        keyFile = keyFile == null ? "" : keyFile.strip();
        command = command == null ? "" : command.strip();
    }

    /** A cluster reached through the {@code halyard} SSH subsystem. */
    public ClusterDefinition(String name, List<String> nodes, String user, String keyFile) {
        this(name, nodes, user, keyFile, "");
    }

    /** One node address as typed: {@code host}, {@code host:port} or {@code [v6addr]:port}. */
    public record NodeAddress(String host, int port) {
        public static final int SSH_PORT = 22;

        public static NodeAddress parse(String text) {
            String s = text.strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty node address");
            }
            String host = s;
            int port = SSH_PORT;
            int colon = s.lastIndexOf(':');
            boolean bracketed = s.startsWith("[");
            if (bracketed) {
                int close = s.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("node \"" + s + "\": missing ']' after IPv6 address");
                }
                host = s.substring(1, close);
                if (close + 1 < s.length()) {
                    if (s.charAt(close + 1) != ':') {
                        throw new IllegalArgumentException("node \"" + s + "\": expected ':port' after ']'");
                    }
                    port = parsePort(s, s.substring(close + 2));
                }
            } else if (colon >= 0 && s.indexOf(':') == colon) {
                host = s.substring(0, colon);
                port = parsePort(s, s.substring(colon + 1));
            }
            if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("node \"" + s + "\": not a host name or address");
            }
            return new NodeAddress(host, port);
        }

        private static int parsePort(String node, String port) {
            try {
                int p = Integer.parseInt(port);
                if (p < 1 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("node \"" + node + "\": port \"" + port + "\" is not 1..65535");
            }
        }
    }
}
