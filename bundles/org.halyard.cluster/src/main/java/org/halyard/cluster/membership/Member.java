package org.halyard.cluster.membership;

import java.util.Objects;

/**
 * A cluster member as Pacemaker names it: its nodelist {@code name} and {@code nodeid}.
 *
 * @param nodeid the nodelist nodeid
 * @param name   the nodelist name (the JGroups logical name)
 */
public record Member(long nodeid, String name) {

    public Member {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name + "(" + nodeid + ")";
    }
}
