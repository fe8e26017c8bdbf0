package org.halyard.ui.connection;

import java.nio.file.Path;

import org.halyard.api.ApiClient;
import org.halyard.ssh.HalyardSsh;
import org.halyard.ssh.SshTarget;
import org.halyard.ui.ClusterDefinition;
import org.halyard.ui.ClusterDefinition.NodeAddress;

/**
 * Opens a cluster's channels over SSH as its definition says: the user, the key file if one is
 * given (else the SSH agent or a password), and the remote command if one is given (else the
 * halyard subsystem). Channels to one node share one SSH session.
 */
public final class SshChannels implements ChannelOpener {

    private final HalyardSsh ssh;
    private final ClusterDefinition cluster;

    public SshChannels(HalyardSsh ssh, ClusterDefinition cluster) {
        this.ssh = ssh;
        this.cluster = cluster;
    }

    @Override
    public ApiClient open(String node) {
        NodeAddress address = NodeAddress.parse(node);
        String key = cluster.keyFile();
        SshTarget target = key.isEmpty() ? new SshTarget(address.host(), address.port(), cluster.user())
                : new SshTarget(address.host(), address.port(), cluster.user(), expandHome(key));
        return ssh.connect(target, cluster.command());
    }

    /** "~/.ssh/id_ed25519" as a shell would read it. */
    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }
}
