package org.halyard.ui.connection;

import org.halyard.api.ApiClient;

/** The two channels to one node: commands (request/reply) and the event stream ({@code watch}). */
record Link(String node, ApiClient commands, ApiClient events) implements AutoCloseable {

    static Link open(ChannelOpener opener, String node) {
        ApiClient commands = opener.open(node);
        try {
            return new Link(node, commands, opener.open(node));
        } catch (RuntimeException e) {
            commands.close();
            throw e;
        }
    }

    @Override
    public void close() {
        events.close();
        commands.close();
    }
}
