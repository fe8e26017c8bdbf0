package org.halyard.cluster.quorum;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.halyard.cluster.config.NodeEntry;
import org.halyard.cluster.config.QuorumConfig;
import org.halyard.cluster.config.QuorumConfig.TieBreaker.Policy;

/**
 * votequorum(5) for one node: the quorum arithmetic of corosync's {@code exec/votequorum.c},
 * fed with the members of each new view. Pure and single-threaded: the membership layer calls it
 * from its view-delivery thread and publishes the returned {@link QuorumState}.
 *
 * <p>Rules, as in corosync:
 * <ul>
 * <li>expected votes start at {@code expected_votes} (or the nodelist's sum) and rise to the
 *     highest total ever present; they never fall, except by last_man_standing;</li>
 * <li>quorum is {@code max(expected / 2 + 1, total / 2 + 1)} and never falls either (a shrinking
 *     partition cannot vote itself a lower bar); with {@code two_node} and at most two members
 *     present it is 1;</li>
 * <li>{@code wait_for_all}: not quorate until all expected votes are present at the same time;
 *     armed at start and again whenever quorum is lost;</li>
 * <li>{@code auto_tie_breaker}: on an exact half split, the half with the tie-breaker node (lowest
 *     or highest nodeid of the last quorate partition, or the first present of a list) keeps quorum;</li>
 * <li>{@code last_man_standing}: when nodes left and the partition is still quorate, after
 *     {@code last_man_standing_window} of quiet the expected votes are lowered to the members
 *     present, so the cluster can shrink one failure at a time. The caller runs the timer:
 *     {@link #lastManStandingTimerWanted()} after a view, {@link #lastManStandingWindowExpired()}
 *     when it fires. Only with one vote per node (corosync turns it off otherwise).</li>
 * </ul>
 * A nodeid that is not in the nodelist contributes no votes (the membership layer refuses such
 * joiners anyway).
 */
public final class Votequorum {

    private final QuorumConfig config;
    private final Map<Long, Integer> votes;
    private final boolean lastManStanding;
    private final List<Long> tieBreakerList;

    private int expectedVotes;
    private int quorum;
    private boolean quorate;
    private boolean waitingForAll;
    private long lowestNodeid;
    private long highestNodeid;
    private SortedSet<Long> members = new TreeSet<>();
    private SortedSet<Long> previousMembers = new TreeSet<>();
    private boolean lmsTimerWanted;

    public Votequorum(QuorumConfig config, Collection<NodeEntry> nodelist) {
        this.config = config;
        this.votes = nodelist.stream().collect(Collectors.toUnmodifiableMap(NodeEntry::nodeid, NodeEntry::quorumVotes));
        this.lastManStanding = config.lastManStanding() && votes.values().stream().allMatch(v -> v == 1);
        this.tieBreakerList = config.autoTieBreakerNode().nodeids();
        this.expectedVotes = config.expectedVotes();
        this.waitingForAll = config.waitForAll();
        this.lowestNodeid = votes.keySet().stream().min(Long::compare).orElse(0L);
        this.highestNodeid = votes.keySet().stream().max(Long::compare).orElse(0L);
        this.quorum = config.quorum();
    }

    /** The current state; before the first view nobody is present and the partition is not quorate. */
    public QuorumState state() {
        return new QuorumState(quorate, totalVotes(), expectedVotes, quorum, config.waitForAll() && waitingForAll,
                members);
    }

    /** A new view: {@code nodeids} are the members of this node's partition, itself included. */
    public QuorumState membershipChanged(Collection<Long> nodeids) {
        SortedSet<Long> current = new TreeSet<>(nodeids);
        boolean someoneLeft = !current.containsAll(members);
        // corosync compares the node count with the vote quorum here; with one vote each they agree
        lmsTimerWanted = lastManStanding && ((current.size() >= quorum && someoneLeft)
                || (current.size() <= quorum && config.autoTieBreaker() && current.contains(lowestNodeid)));
        previousMembers = members;
        members = current;
        recalculate(false, false);
        return state();
    }

    /** Whether the last view asks for the last_man_standing timer to be (re)started. */
    public boolean lastManStandingTimerWanted() {
        return lmsTimerWanted;
    }

    /**
     * The last_man_standing window passed without a view change: a quorate partition adopts its
     * current size as the expected votes.
     */
    public QuorumState lastManStandingWindowExpired() {
        lmsTimerWanted = false;
        if (lastManStanding && quorate) {
            recalculate(true, true);
        }
        return state();
    }

    private int totalVotes() {
        return members.stream().mapToInt(id -> votes.getOrDefault(id, 0)).sum();
    }

    private void recalculate(boolean allowDecrease, boolean byCurrentNodes) {
        int total = totalVotes();
        int memberCount = byCurrentNodes ? members.size() : 0;
        if (total > expectedVotes) {
            expectedVotes = total; // expected votes follow the highest total ever present
        }
        quorum = calculateQuorum(allowDecrease, memberCount, total);
        if (memberCount > 0) {
            expectedVotes = memberCount;
        }
        decideQuorate(total);
    }

    private int calculateQuorum(boolean allowDecrease, int maxExpected, int total) {
        int highestExpected = maxExpected > 0 ? maxExpected : expectedVotes;
        int newQuorum = Math.max((highestExpected + 2) / 2, (total + 2) / 2);
        if (!allowDecrease) {
            newQuorum = Math.max(quorum, newQuorum);
        }
        if (config.twoNode() && members.size() <= 2) {
            newQuorum = 1; // each half of a two-node cluster keeps quorum; fencing decides who survives
        }
        return newQuorum;
    }

    private void decideQuorate(int total) {
        if (config.waitForAll() && waitingForAll) {
            if (total != expectedVotes) {
                quorate = false;
                return;
            }
            waitingForAll = false;
        }
        quorate = quorum <= total;
        if (quorate) {
            lowestNodeid = members.first();
            highestNodeid = members.last();
        }
        // ATB only on an exact half split, and only if the other half cannot hold quorum
        if (!quorate && config.autoTieBreaker() && total == expectedVotes / 2
                && previousMembers.size() - members.size() < quorum && holdsTieBreaker()) {
            quorate = true;
        }
        if (config.waitForAll()) {
            waitingForAll = !quorate;
        }
    }

    private boolean holdsTieBreaker() {
        Policy policy = config.autoTieBreakerNode().policy();
        return switch (policy) {
            case LOWEST -> members.contains(lowestNodeid);
            case HIGHEST -> members.contains(highestNodeid);
            case LIST -> holdsFirstListedNode();
        };
    }

    /** The first list node present wins, unless a node listed before it was in the previous partition. */
    private boolean holdsFirstListedNode() {
        for (int i = 0; i < tieBreakerList.size(); i++) {
            if (members.contains(tieBreakerList.get(i))) {
                Set<Long> before = Set.copyOf(tieBreakerList.subList(0, i));
                return before.stream().noneMatch(previousMembers::contains);
            }
        }
        return false;
    }

    /** The nodelist's votes by nodeid, for callers that show them. */
    public Map<Long, Integer> votesByNodeid() {
        return votes;
    }
}
