package org.halyard.cluster.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.halyard.cluster.config.NodeEntry;
import org.halyard.cluster.config.QuorumConfig;
import org.halyard.cluster.config.QuorumConfig.TieBreaker;
import org.junit.jupiter.api.Test;

class VotequorumTest {

    private static List<NodeEntry> nodes(int count) {
        return LongStream.rangeClosed(1, count).mapToObj(i -> new NodeEntry(i, "node" + i, "10.0.0." + i, 1)).toList();
    }

    private static QuorumConfig config(int expected, boolean twoNode, boolean waitForAll) {
        return new QuorumConfig(expected, twoNode, waitForAll, false, Duration.ofSeconds(10), false, TieBreaker.LOWEST);
    }

    private static Votequorum plain(int count) {
        return new Votequorum(config(count, false, false), nodes(count));
    }

    @Test
    void notQuorateBeforeTheFirstView() {
        QuorumState state = plain(3).state();
        assertFalse(state.quorate());
        assertEquals(0, state.totalVotes());
        assertEquals(3, state.expectedVotes());
        assertEquals(2, state.quorum());
    }

    @Test
    void majorityOfThreeIsQuorateAndOneIsNot() {
        Votequorum q = plain(3);
        assertTrue(q.membershipChanged(List.of(1L, 2L, 3L)).quorate());
        QuorumState two = q.membershipChanged(List.of(1L, 2L));
        assertTrue(two.quorate());
        assertEquals(2, two.totalVotes());
        assertEquals(3, two.expectedVotes());
        QuorumState one = q.membershipChanged(List.of(1L));
        assertFalse(one.quorate());
        assertEquals(3, one.expectedVotes(), "expected votes never fall by themselves");
        assertEquals(List.of(1L), List.copyOf(one.members()));
    }

    @Test
    void expectedVotesRiseToTheHighestTotalSeenAndQuorumNeverFalls() {
        // expected_votes: 2 configured, but three nodes show up
        Votequorum q = new Votequorum(config(2, false, false), nodes(3));
        assertTrue(q.membershipChanged(List.of(1L)).quorum() == 2);
        QuorumState all = q.membershipChanged(List.of(1L, 2L, 3L));
        assertEquals(3, all.expectedVotes());
        assertEquals(2, all.quorum());
        QuorumState one = q.membershipChanged(List.of(3L));
        assertEquals(3, one.expectedVotes());
        assertEquals(2, one.quorum());
        assertFalse(one.quorate());
    }

    @Test
    void fiveNodesNeedThree() {
        Votequorum q = plain(5);
        assertFalse(q.membershipChanged(List.of(1L, 2L)).quorate());
        assertTrue(q.membershipChanged(List.of(1L, 2L, 5L)).quorate());
        assertEquals(3, q.state().quorum());
    }

    @Test
    void votesAreWeighted() {
        List<NodeEntry> nodes = List.of(new NodeEntry(1, "big", "10.0.0.1", 3), new NodeEntry(2, "a", "10.0.0.2", 1),
                new NodeEntry(3, "b", "10.0.0.3", 1));
        Votequorum q = new Votequorum(config(5, false, false), nodes);
        QuorumState bigAlone = q.membershipChanged(List.of(1L));
        assertEquals(3, bigAlone.totalVotes());
        assertTrue(bigAlone.quorate(), "3 of 5 votes");
        assertFalse(q.membershipChanged(List.of(2L, 3L)).quorate(), "2 of 5 votes");
    }

    @Test
    void unknownNodeidsHaveNoVote() {
        Votequorum q = plain(3);
        QuorumState state = q.membershipChanged(List.of(1L, 99L));
        assertEquals(1, state.totalVotes());
        assertFalse(state.quorate());
    }

    @Test
    void twoNodeKeepsQuorumWithOneNodeOnceBothWereSeen() {
        Votequorum q = new Votequorum(config(2, true, true), nodes(2));
        QuorumState alone = q.membershipChanged(List.of(1L));
        assertFalse(alone.quorate(), "wait_for_all: the first start needs both nodes");
        assertTrue(alone.waitingForAll());
        assertTrue(q.membershipChanged(List.of(1L, 2L)).quorate());
        QuorumState survivor = q.membershipChanged(List.of(1L));
        assertTrue(survivor.quorate());
        assertEquals(1, survivor.quorum());
        assertFalse(survivor.waitingForAll());
    }

    @Test
    void twoNodeWithoutWaitForAllIsQuorateAlone() {
        Votequorum q = new Votequorum(config(2, true, false), nodes(2));
        assertTrue(q.membershipChanged(List.of(2L)).quorate());
    }

    @Test
    void waitForAllNeedsEveryNodeTogetherAndIsArmedAgainWhenQuorumIsLost() {
        Votequorum q = new Votequorum(config(3, false, true), nodes(3));
        assertFalse(q.membershipChanged(List.of(1L, 2L)).quorate(), "a majority is not enough at start");
        assertTrue(q.membershipChanged(List.of(1L, 2L, 3L)).quorate());
        assertTrue(q.membershipChanged(List.of(1L, 2L)).quorate(), "after all were seen, a majority suffices");
        assertFalse(q.membershipChanged(List.of(1L)).quorate());
        QuorumState rejoined = q.membershipChanged(List.of(1L, 2L));
        assertFalse(rejoined.quorate(), "quorum lost re-arms wait_for_all");
        assertTrue(rejoined.waitingForAll());
        assertTrue(q.membershipChanged(List.of(1L, 2L, 3L)).quorate());
    }

    @Test
    void autoTieBreakerGivesAnEvenSplitToTheLowestNodeid() {
        QuorumConfig atb = new QuorumConfig(4, false, false, false, Duration.ofSeconds(10), true, TieBreaker.LOWEST);
        Votequorum withLowest = new Votequorum(atb, nodes(4));
        Votequorum withoutLowest = new Votequorum(atb, nodes(4));
        withLowest.membershipChanged(List.of(1L, 2L, 3L, 4L));
        withoutLowest.membershipChanged(List.of(1L, 2L, 3L, 4L));
        assertTrue(withLowest.membershipChanged(List.of(1L, 2L)).quorate());
        assertFalse(withoutLowest.membershipChanged(List.of(3L, 4L)).quorate());
    }

    @Test
    void autoTieBreakerListPrefersTheFirstListedNodePresent() {
        QuorumConfig atb = new QuorumConfig(4, false, false, false, Duration.ofSeconds(10), true,
                new TieBreaker(TieBreaker.Policy.LIST, List.of(4L, 3L)));
        Votequorum side = new Votequorum(atb, nodes(4));
        Votequorum other = new Votequorum(atb, nodes(4));
        side.membershipChanged(List.of(1L, 2L, 3L, 4L));
        other.membershipChanged(List.of(1L, 2L, 3L, 4L));
        assertTrue(side.membershipChanged(List.of(1L, 4L)).quorate());
        assertFalse(other.membershipChanged(List.of(2L, 3L)).quorate(), "node 4 was there before and may be on the other side");
    }

    @Test
    void lastManStandingShrinksExpectedVotesOneFailureAtATime() {
        QuorumConfig lms = new QuorumConfig(4, false, false, true, Duration.ofSeconds(10), false, TieBreaker.LOWEST);
        Votequorum q = new Votequorum(lms, nodes(4));
        q.membershipChanged(List.of(1L, 2L, 3L, 4L));
        assertFalse(q.lastManStandingTimerWanted(), "nobody left");
        assertTrue(q.membershipChanged(List.of(1L, 2L, 3L)).quorate());
        assertTrue(q.lastManStandingTimerWanted());
        QuorumState shrunk = q.lastManStandingWindowExpired();
        assertEquals(3, shrunk.expectedVotes());
        assertEquals(2, shrunk.quorum());
        assertTrue(q.membershipChanged(List.of(1L, 2L)).quorate(), "2 of 3 after the window");
        QuorumState two = q.lastManStandingWindowExpired();
        assertEquals(2, two.expectedVotes());
        assertFalse(q.membershipChanged(List.of(1L)).quorate(), "2 to 1 needs auto_tie_breaker, as in corosync");
    }

    @Test
    void withoutLastManStandingTheWindowChangesNothing() {
        Votequorum q = plain(4);
        q.membershipChanged(List.of(1L, 2L, 3L, 4L));
        q.membershipChanged(List.of(1L, 2L, 3L));
        assertFalse(q.lastManStandingTimerWanted());
        assertEquals(4, q.lastManStandingWindowExpired().expectedVotes());
        assertFalse(q.membershipChanged(List.of(1L, 2L)).quorate());
    }
}
