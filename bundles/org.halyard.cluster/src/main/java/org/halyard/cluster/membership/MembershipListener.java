package org.halyard.cluster.membership;

import org.halyard.cluster.quorum.QuorumState;

/**
 * Told about views and quorum, one event at a time and in order, on a JGroups thread (or the
 * last_man_standing timer's). Implementations return quickly and never block on the cluster
 * (sending is fine; waiting for a reply is not).
 */
public interface MembershipListener {

    /** A new view was installed. */
    default void viewChanged(ViewChange change) {
    }

    /** Quorum changed: with a view (after {@link #viewChanged}) or when last_man_standing lowered expected votes. */
    default void quorumChanged(QuorumState previous, QuorumState current) {
    }
}
