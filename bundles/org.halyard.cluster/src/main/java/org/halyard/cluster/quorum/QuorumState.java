package org.halyard.cluster.quorum;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

/**
 * What votequorum says about the partition this node is in, as {@code corosync-quorumtool -s}
 * shows it.
 *
 * @param quorate        whether the partition may run resources
 * @param totalVotes     the votes of the members present ("Total votes")
 * @param expectedVotes  the votes the cluster expects ("Expected votes"); never below the highest
 *                       total seen, lowered only by last_man_standing
 * @param quorum         the votes needed ("Quorum")
 * @param waitingForAll  wait_for_all holds quorum back until every node has been seen together
 * @param members        the nodeids present, ascending
 */
public record QuorumState(boolean quorate, int totalVotes, int expectedVotes, int quorum, boolean waitingForAll,
        SortedSet<Long> members) {

    public QuorumState {
        Objects.requireNonNull(members, "members");
        members = Collections.unmodifiableSortedSet(new TreeSet<>(members));
    }

    @Override
    public String toString() {
        return (quorate ? "quorate" : "NOT quorate") + " (votes " + totalVotes + ", expected " + expectedVotes
                + ", quorum " + quorum + (waitingForAll ? ", waiting for all nodes" : "") + ", members " + members + ")";
    }
}
