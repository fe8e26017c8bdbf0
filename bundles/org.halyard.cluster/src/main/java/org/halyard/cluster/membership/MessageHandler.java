package org.halyard.cluster.membership;

/**
 * Receives application messages broadcast with {@link ClusterMembership#broadcast(byte[])}, in
 * the same total order on every member (the sender's own included), one at a time.
 */
@FunctionalInterface
public interface MessageHandler {

    void deliver(Member sender, byte[] payload);
}
