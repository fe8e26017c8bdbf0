package org.halyard.cluster.membership;

import java.time.Duration;

import org.halyard.cluster.config.Totem;

/**
 * The JGroups timeouts derived from corosync's totem timeouts, so that a cluster tuned for
 * corosync fails over as fast as before. With T = effective token, C = consensus and
 * R = token retransmit (T / (token_retransmits_before_loss_const + 0.2)):
 * <table>
 * <caption>totem → JGroups</caption>
 * <tr><th>JGroups</th><th>value</th><th>why</th></tr>
 * <tr><td>FD_ALL3 interval</td><td>R</td><td>heartbeat as often as totem retransmits the token: about 4 per T,
 *     so one lost heartbeat is no suspicion</td></tr>
 * <tr><td>FD_ALL3 timeout</td><td>T - R</td><td>FD_ALL3 checks once per interval, so it suspects between
 *     timeout and timeout + 2R of silence; T - R centres that on T, totem's token loss</td></tr>
 * <tr><td>VERIFY_SUSPECT2 timeout</td><td>min(C / 3, 500 ms)</td><td>it pings the suspect and checks at a fixed
 *     rate of its timeout, so a suspect is excluded one to two timeouts after the suspicion. A live peer answers
 *     a ping in milliseconds and the waiting for a silent one was done by FD_ALL3, so the check is kept short:
 *     a killed process is out within a second, which is what failover time is made of</td></tr>
 * <tr><td>GMS view_ack_collection_timeout</td><td>C / 3</td><td>the last third of consensus: agreeing on the
 *     new view (acks normally return at once; this bounds a second failure during the change)</td></tr>
 * <tr><td>GMS join_timeout, merge_timeout</td><td>max(C, 10 * join)</td><td>a join or merge round includes a view
 *     installation; totem's {@code join} (50 ms) alone is far too short for a TCP round trip plus a view.
 *     The first node of a cluster waits this long for others before it forms the cluster alone</td></tr>
 * <tr><td>GMS leave_timeout</td><td>C / 3</td><td>a leaving node waits no longer than a view installation</td></tr>
 * <tr><td>MERGE3 min/max interval</td><td>T / 2T</td><td>partitions that see each other again merge within a few
 *     token timeouts, as totem does</td></tr>
 * <tr><td>NAKACK2, UNICAST3 xmit_interval</td><td>R</td><td>retransmit as often as totem would</td></tr>
 * <tr><td>TCP sock_conn_timeout, FD_SOCK2 connect_timeout</td><td>T</td><td>a peer that cannot accept within a token
 *     timeout is as good as failed</td></tr>
 * <tr><td>STABLE, UFC, MFC, FRAG4</td><td>JGroups defaults</td><td>throughput settings, not failure timing</td></tr>
 * </table>
 * Resulting detection times: a killed process's sockets are closed by its kernel, FD_SOCK2 suspects it
 * at once and it is excluded within two verification timeouts (1 s at most), well within T + 2 s. A hung
 * (SIGSTOPped) node, a dead host or a cut cable leaves the sockets open: FD_ALL3 suspects it after about T
 * (at most T + R), then verification takes at most 2C/3, so it is excluded within T + R + 2C/3 &lt;= T + C
 * (R &lt;= C/3 for any consensus of at least 0.72 T; corosync's default is 1.2 T), like totem's token loss
 * followed by consensus.
 *
 * @param heartbeatInterval  FD_ALL3 interval
 * @param failureTimeout     FD_ALL3 timeout
 * @param verifySuspect      VERIFY_SUSPECT2 timeout
 * @param viewAck            GMS view_ack_collection_timeout
 * @param join               GMS join_timeout (also the discovery wait) and merge_timeout
 * @param leave              GMS leave_timeout
 * @param mergeMinInterval   MERGE3 min_interval
 * @param mergeMaxInterval   MERGE3 max_interval
 * @param retransmit         NAKACK2 and UNICAST3 xmit_interval
 * @param connect            TCP sock_conn_timeout and FD_SOCK2 connect_timeout
 */
public record MembershipTimeouts(Duration heartbeatInterval, Duration failureTimeout, Duration verifySuspect,
        Duration viewAck, Duration join, Duration leave, Duration mergeMinInterval, Duration mergeMaxInterval,
        Duration retransmit, Duration connect) {

    /** Verifying a suspicion needs a ping's round trip, not a token timeout. */
    static final Duration MAX_VERIFY_SUSPECT = Duration.ofMillis(500);

    /** The timeouts for a totem section (whose effective token already accounts for the node count). */
    public static MembershipTimeouts from(Totem totem) {
        Duration token = totem.effectiveToken();
        Duration consensus = totem.consensus();
        Duration thirdOfConsensus = consensus.dividedBy(3);
        Duration retransmit = totem.tokenRetransmit();
        Duration join = max(consensus, totem.join().multipliedBy(10));
        Duration verify = min(thirdOfConsensus, MAX_VERIFY_SUSPECT);
        return new MembershipTimeouts(retransmit, token.minus(retransmit), verify, thirdOfConsensus, join,
                thirdOfConsensus, token, token.multipliedBy(2), retransmit, token);
    }

    /** The latest a killed process is out of the view: FD_SOCK2 suspects at once, then verification. */
    public Duration killedNodeExclusion() {
        return verifySuspect.multipliedBy(2);
    }

    /**
     * The latest a hung node is out of the view: FD_ALL3's suspicion (timeout + 2 intervals at
     * most), then verification (twice its timeout at most).
     */
    public Duration hungNodeExclusion() {
        return failureTimeout.plus(heartbeatInterval.multipliedBy(2)).plus(verifySuspect.multipliedBy(2));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
