package org.halyard.cluster.replication;

/** A CIB change the cluster did not take; the kind says why, the message says what to do. */
public final class ReplicationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Kind {
        /** Based on a CIB version that is no longer current. */
        STALE,
        /** This partition has no quorum: it may not change the cluster's configuration. */
        NO_QUORUM,
        /** The change was sent but not seen back in time (cluster overloaded or partitioned). */
        TIMEOUT,
        /** This node had no intact CIB at its start and has not yet received a peer's copy. */
        NO_CIB
    }

    private final Kind kind;

    public ReplicationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
