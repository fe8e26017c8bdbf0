package org.halyard.cluster.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.halyard.cluster.config.QuorumConfig.TieBreaker;

/**
 * Reads {@code quorum { }} and checks it against the nodelist the way votequorum(5) would,
 * except that combinations corosync "fixes" at run time by quietly disabling a feature are
 * refused here, so the admin learns about them before the cluster depends on them.
 */
final class QuorumReader {

    static final String PROVIDER = "corosync_votequorum";

    private final SectionReader r;
    private final List<NodeEntry> nodes;
    private final Diagnostics diagnostics;

    private QuorumReader(SectionReader r, List<NodeEntry> nodes, Diagnostics diagnostics) {
        this.r = r;
        this.nodes = nodes;
        this.diagnostics = diagnostics;
    }

    /**
     * @param quorum the quorum section, or null when the file has none
     * @param nodes  the nodelist; when empty the file is refused elsewhere and only syntax is checked
     * @return the settings, or empty when they are unusable (errors were reported)
     */
    static Optional<QuorumConfig> read(ConfSection quorum, List<NodeEntry> nodes, Diagnostics diagnostics) {
        if (quorum == null) {
            if (!nodes.isEmpty()) {
                diagnostics.fileWarning("no quorum section: Halyard applies votequorum semantics anyway"
                        + " (expected votes from the nodelist)");
            }
            return nodes.isEmpty() ? Optional.empty() : Optional.of(defaults(nodes));
        }
        SectionReader r = new SectionReader(quorum, "quorum", diagnostics);
        return new QuorumReader(r, nodes, diagnostics).read();
    }

    private static QuorumConfig defaults(List<NodeEntry> nodes) {
        int votes = Math.max(1, totalVotes(nodes));
        return new QuorumConfig(votes, false, false, false, QuorumConfig.DEFAULT_LAST_MAN_STANDING_WINDOW,
                false, TieBreaker.LOWEST);
    }

    private Optional<QuorumConfig> read() {
        Optional<ConfKey> provider = r.key("provider");
        if (provider.isEmpty()) {
            diagnostics.warning(r.position(), "quorum: no provider: Halyard applies votequorum semantics anyway"
                    + " (in corosync, no provider means no quorum at all)");
        } else if (!provider.get().value().equals(PROVIDER)) {
            r.error(provider.get(), "quorum.provider: '" + provider.get().value() + "' is not supported;"
                    + " Halyard implements " + PROVIDER);
        }
        Optional<ConfKey> expectedKey = r.key("expected_votes");
        Optional<Integer> expected = expectedKey.map(k -> (int) r.number(k, 1, 1, 65535));
        Optional<ConfKey> twoNodeKey = r.key("two_node");
        boolean twoNode = r.bool("two_node", false);
        boolean waitForAll = r.bool("wait_for_all", twoNode);
        Optional<ConfKey> lmsKey = r.key("last_man_standing");
        boolean lastManStanding = r.bool("last_man_standing", false);
        Duration lmsWindow = r.millis("last_man_standing_window", QuorumConfig.DEFAULT_LAST_MAN_STANDING_WINDOW, 1);
        Optional<ConfKey> atbKey = r.key("auto_tie_breaker");
        boolean autoTieBreaker = r.bool("auto_tie_breaker", false);
        Optional<ConfKey> atbNodeKey = r.key("auto_tie_breaker_node");
        TieBreaker tieBreaker = atbNodeKey.map(this::tieBreaker).orElse(TieBreaker.LOWEST);
        refuseIfEnabled("allow_downscale", "an incomplete votequorum feature");
        refuseIfEnabled("expected_votes_tracking", "votequorum's on-disk expected votes");
        r.ignore("votes", "deprecated; use nodelist.node.quorum_votes");
        r.ignore("leaving_timeout", "Halyard has no separate timeout for nodes leaving cleanly");
        for (ConfSection device : r.sections("device")) {
            diagnostics.error(device.position(), "quorum.device: quorum devices (corosync-qdevice) are not supported;"
                    + " Halyard counts node votes only");
        }
        r.finish();
        if (atbNodeKey.isPresent() && !autoTieBreaker) {
            diagnostics.warning(atbNodeKey.get().position(), "quorum.auto_tie_breaker_node: ignored:"
                    + " auto_tie_breaker is not enabled");
        }
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        int total = totalVotes(nodes);
        if (total == 0) {
            diagnostics.error(r.position(), "quorum: the nodes of the nodelist have no votes (all quorum_votes: 0)");
            return Optional.empty();
        }
        int expectedVotes = expected.orElse(total);
        if (twoNode) {
            checkTwoNode(twoNodeKey.orElseThrow(), expectedKey, expectedVotes, atbKey.filter(k -> autoTieBreaker));
        } else {
            expectedKey.ifPresent(k -> checkExpectedVotes(k, expectedVotes, total));
        }
        if (lastManStanding) {
            checkLastManStanding(lmsKey.orElseThrow(), waitForAll);
        }
        if (autoTieBreaker) {
            checkTieBreaker(atbKey.orElseThrow(), tieBreaker, atbNodeKey, total, waitForAll, lastManStanding);
        }
        return Optional.of(new QuorumConfig(expectedVotes, twoNode, waitForAll, lastManStanding, lmsWindow,
                autoTieBreaker, tieBreaker));
    }

    private void refuseIfEnabled(String key, String what) {
        Optional<ConfKey> k = r.key(key);
        if (r.bool(key, false)) {
            r.error(k.orElseThrow(), "quorum." + key + ": " + what + " that Halyard does not implement;"
                    + " remove it or set it to 0");
        }
    }

    private void checkTwoNode(ConfKey twoNodeKey, Optional<ConfKey> expectedKey, int expectedVotes,
            Optional<ConfKey> autoTieBreakerKey) {
        if (nodes.size() != 2) {
            r.error(twoNodeKey, "quorum.two_node: " + twoNodeKey.value() + " needs exactly 2 nodes; the nodelist has "
                    + nodes.size());
        }
        if (expectedKey.isPresent() && expectedVotes != 2) {
            r.error(expectedKey.get(), "quorum.expected_votes: two_node needs 2, not " + expectedVotes);
        }
        // two_node decides by a fence race, the tie breaker by nodeid: corosync drops two_node
        autoTieBreakerKey.ifPresent(k -> r.error(k, "quorum.auto_tie_breaker: cannot be combined with two_node"
                + " (corosync would silently disable two_node); use one of them"));
    }

    /**
     * expected_votes overrides the nodelist in votequorum. Too low, and the quorum it implies is
     * not a majority of the real votes, so two partitions could both be quorate.
     */
    private void checkExpectedVotes(ConfKey key, int expectedVotes, int total) {
        int quorum = QuorumConfig.quorumFor(expectedVotes);
        if (2 * quorum <= total) {
            r.error(key, "quorum.expected_votes: " + expectedVotes + " gives a quorum of " + quorum
                    + ", not a majority of the nodelist's " + total + " votes, so two partitions could both be"
                    + " quorate; remove expected_votes (votequorum computes it from the nodelist) or set it to "
                    + total);
        } else if (quorum > total) {
            r.error(key, "quorum.expected_votes: " + expectedVotes + " needs " + quorum
                    + " votes for quorum, but the nodelist has only " + total + ": the cluster could never be quorate");
        } else if (expectedVotes > total) {
            diagnostics.warning(key.valuePosition(), "quorum.expected_votes: " + expectedVotes
                    + " is more than the nodelist's " + total + " votes; quorum needs " + quorum + " of them");
        }
    }

    private void checkLastManStanding(ConfKey key, boolean waitForAll) {
        if (nodes.stream().anyMatch(n -> n.quorumVotes() != 1)) {
            r.error(key, "quorum.last_man_standing: needs every node to have quorum_votes: 1 (votequorum(5))");
        }
        if (!waitForAll) {
            diagnostics.warning(key.position(), "quorum.last_man_standing: without wait_for_all: 1 a partition"
                    + " started alone can become quorate; votequorum(5) calls wait_for_all essential here");
        }
    }

    private void checkTieBreaker(ConfKey key, TieBreaker tieBreaker, Optional<ConfKey> nodeKey, int total,
            boolean waitForAll, boolean lastManStanding) {
        if (total % 2 == 1 && !waitForAll) {
            // corosync disables the tie breaker here (or refuses to start when last_man_standing is on)
            r.error(key, "quorum.auto_tie_breaker: with an odd number of votes (" + total + ") it needs"
                    + " wait_for_all: 1" + (lastManStanding ? " (and cannot be combined with last_man_standing)" : ""));
        }
        for (long nodeid : tieBreaker.nodeids()) {
            if (nodes.stream().noneMatch(n -> n.nodeid() == nodeid)) {
                r.error(nodeKey.orElseThrow(), "quorum.auto_tie_breaker_node: nodeid " + nodeid
                        + " is not in the nodelist");
            }
        }
    }

    /** {@code lowest}, {@code highest} or a blank-separated list of nodeids. */
    private TieBreaker tieBreaker(ConfKey key) {
        String value = key.value().strip();
        if (value.equals("lowest")) {
            return TieBreaker.LOWEST;
        }
        if (value.equals("highest")) {
            return new TieBreaker(TieBreaker.Policy.HIGHEST, List.of());
        }
        List<Long> ids = new ArrayList<>();
        for (String word : value.split("\\s+")) {
            try {
                long id = Long.parseLong(word);
                if (id < 1 || id > 0xFFFF_FFFFL) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                r.error(key, "quorum.auto_tie_breaker_node: '" + key.value()
                        + "' is not lowest, highest or a list of nodeids");
                return TieBreaker.LOWEST;
            }
        }
        return new TieBreaker(TieBreaker.Policy.LIST, ids);
    }

    private static int totalVotes(List<NodeEntry> nodes) {
        return nodes.stream().mapToInt(NodeEntry::quorumVotes).sum();
    }
}
