package org.halyard.ui.connection;

import org.halyard.api.ApiClient;

/**
 * Opens one protocol channel to a node of a cluster. Over SSH in the client ({@link SshChannels});
 * a test can hand in any other pair of streams.
 */
@FunctionalInterface
public interface ChannelOpener {

    /**
     * @param node the node as the admin typed it: {@code host}, {@code host:port}, {@code [v6]:port}
     * @throws RuntimeException with a message naming the node and the problem
     */
    ApiClient open(String node);
}
