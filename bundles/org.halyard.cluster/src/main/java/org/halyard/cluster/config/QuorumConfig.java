package org.halyard.cluster.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code quorum { }} section with votequorum(5) semantics, which Halyard always applies
 * (a config without a quorum provider does not make a Halyard cluster always quorate).
 *
 * @param expectedVotes           {@code expected_votes} when configured (it overrides the nodelist,
 *                                as in votequorum), else the sum of the nodes' {@code quorum_votes}
 * @param twoNode                 {@code two_node}: a two-node cluster keeps quorum with one node
 * @param waitForAll              {@code wait_for_all}; defaults to {@code two_node}
 * @param lastManStanding         {@code last_man_standing}
 * @param lastManStandingWindow   {@code last_man_standing_window}, default 10000 ms
 * @param autoTieBreaker          {@code auto_tie_breaker}
 * @param autoTieBreakerNode      {@code auto_tie_breaker_node}, default lowest
 */
public record QuorumConfig(
        int expectedVotes,
        boolean twoNode,
        boolean waitForAll,
        boolean lastManStanding,
        Duration lastManStandingWindow,
        boolean autoTieBreaker,
        TieBreaker autoTieBreakerNode) {

    public static final Duration DEFAULT_LAST_MAN_STANDING_WINDOW = Duration.ofMillis(10_000);

    public QuorumConfig {
        if (expectedVotes < 1) {
            throw new IllegalArgumentException("expected_votes < 1: " + expectedVotes);
        }
        Objects.requireNonNull(lastManStandingWindow, "lastManStandingWindow");
        Objects.requireNonNull(autoTieBreakerNode, "autoTieBreakerNode");
    }

    /**
     * The votes a partition needs at start-up: {@code expected_votes / 2 + 1} (votequorum's
     * {@code calculate_quorum}), or 1 in two-node mode.
     */
    public int quorum() {
        return twoNode ? 1 : quorumFor(expectedVotes);
    }

    static int quorumFor(int expectedVotes) {
        return expectedVotes / 2 + 1;
    }

    /**
     * {@code auto_tie_breaker_node}: which half keeps quorum on an even split.
     *
     * @param policy  lowest or highest nodeid present, or the first present of a list
     * @param nodeids the list for {@link Policy#LIST}, else empty
     */
    public record TieBreaker(Policy policy, List<Long> nodeids) {

        public static final TieBreaker LOWEST = new TieBreaker(Policy.LOWEST, List.of());

        public TieBreaker {
            Objects.requireNonNull(policy, "policy");
            nodeids = List.copyOf(nodeids);
            if ((policy == Policy.LIST) == nodeids.isEmpty()) {
                throw new IllegalArgumentException("a node list goes with, and only with, policy LIST");
            }
        }

        /** How the tie-breaking node is chosen. */
        public enum Policy {
            LOWEST, HIGHEST, LIST
        }
    }
}
