package org.halyard.scheduler.actions;

/**
 * An ordering between two actions with its {@link OrderFlags}; the flags are disabled (set to
 * 0) when the ordering is replaced or does not apply.
 */
public final class OrderEdge {

    private final Action first;
    private final Action then;
    int flags;

    OrderEdge(Action first, Action then, int flags) {
        this.first = first;
        this.then = then;
        this.flags = flags;
    }

    public Action first() {
        return first;
    }

    public Action then() {
        return then;
    }

    public int flags() {
        return flags;
    }
}
