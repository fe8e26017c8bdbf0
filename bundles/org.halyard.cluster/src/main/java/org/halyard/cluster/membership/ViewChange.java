package org.halyard.cluster.membership;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.halyard.cluster.quorum.QuorumState;

/**
 * What a new view means for this node.
 *
 * @param previous the view before
 * @param current  the new view
 * @param joined   members new in this view (started, or back from another partition)
 * @param left     members gone after saying goodbye (a clean {@code close()})
 * @param crashed  members gone without a goodbye: killed, hung, or on the other side of a
 *                 partition. Best effort: a goodbye that arrives after the view is not seen,
 *                 so a clean stop may be reported here; never the other way round
 * @param quorum   quorum in the new view
 * @param dc       the DC: the coordinator, if the partition is quorate
 */
public record ViewChange(ClusterView previous, ClusterView current, List<Member> joined, List<Member> left,
        List<Member> crashed, QuorumState quorum, Optional<Member> dc) {

    public ViewChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        joined = List.copyOf(joined);
        left = List.copyOf(left);
        crashed = List.copyOf(crashed);
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(dc, "dc");
    }
}
