package org.halyard.cluster.membership;

import java.util.List;
import java.util.Optional;

/**
 * One view of this node's partition: the members in JGroups' view order, whose first member is
 * the coordinator.
 *
 * @param viewId  JGroups' view number (rises with every view the coordinator installs; 0 before the first)
 * @param members the members, coordinator first
 */
public record ClusterView(long viewId, List<Member> members) {

    /** The view before {@code start()}: nobody. */
    public static final ClusterView NONE = new ClusterView(0, List.of());

    public ClusterView {
        members = List.copyOf(members);
    }

    /** The JGroups coordinator: the oldest member of the partition. */
    public Optional<Member> coordinator() {
        return members.isEmpty() ? Optional.empty() : Optional.of(members.get(0));
    }

    public boolean contains(String name) {
        return members.stream().anyMatch(m -> m.name().equals(name));
    }

    public List<String> names() {
        return members.stream().map(Member::name).toList();
    }
}
