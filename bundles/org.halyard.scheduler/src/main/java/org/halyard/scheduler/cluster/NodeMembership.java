package org.halyard.scheduler.cluster;

import java.util.Map;
import org.halyard.cib.model.status.NodeState;

/**
 * Decides a seen node's online/unclean/pending state from its node_state flags, with and
 * without fencing (Pacemaker's determine_online_status_*).
 */
final class NodeMembership {

    private NodeMembership() {
    }

    static ClusterNode decide(String id, String uname, int weight, Map<String, String> attributes,
            NodeState state, ClusterOptions options, boolean dc) {
        boolean shutdown = shutdownRequested(attributes.get("shutdown"));
        boolean expectedUp = !shutdown && "member".equalsIgnoreCase(state.getExpected());
        boolean standby = NodeReader.isTrue(attributes.get("standby"));
        boolean maintenance = NodeReader.isTrue(attributes.get("maintenance"));
        Verdict verdict = options.stonithEnabled()
                ? withFencing(state, attributes, shutdown)
                : withoutFencing(state, expectedUp);
        if (!options.haveQuorum() && verdict.online
                && options.noQuorumPolicy() == NoQuorumPolicy.SUICIDE && verdict.reason == null) {
            verdict = new Verdict(true, "cluster does not have quorum", false);
        }
        return new ClusterNode(id, uname, weight, attributes, verdict.online,
                verdict.reason != null, verdict.reason, standby || verdict.pending, maintenance,
                shutdown, verdict.pending, false, dc);
    }

    private record Verdict(boolean online, String reason, boolean pending) {
    }

    private static boolean shutdownRequested(String value) {
        return value != null && !value.isEmpty() && !"0".equals(value);
    }

    private static Verdict withoutFencing(NodeState state, boolean expectedUp) {
        if (!NodeReader.isTrue(state.getInCcm())) {
            return new Verdict(false, null, false);
        }
        if ("online".equalsIgnoreCase(state.getCrmd())) {
            return new Verdict("member".equalsIgnoreCase(state.getJoin()), null, false);
        }
        if (!expectedUp) {
            return new Verdict(false, null, false);
        }
        return new Verdict(false, "peer is unexpectedly down", false);
    }

    private static Verdict withFencing(NodeState state, Map<String, String> attributes,
            boolean shutdown) {
        String inCcm = state.getInCcm();
        boolean inCluster = NodeReader.isTrue(inCcm);
        boolean crmdOnline = "online".equalsIgnoreCase(state.getCrmd());
        String join = state.getJoin();
        String expected = state.getExpected() == null ? "down" : state.getExpected();
        boolean terminate = terminateRequested(attributes.get("terminate"));
        if (shutdown) {
            return new Verdict(crmdOnline, null, false);
        } else if (inCcm == null) {
            return new Verdict(false, "peer has not been seen by the cluster", false);
        } else if ("banned".equalsIgnoreCase(join)) { // the DC refused its join (a nack)
            return new Verdict(inCluster, "peer failed Pacemaker membership criteria", false);
        } else if (!terminate && "down".equalsIgnoreCase(expected)) {
            boolean up = inCluster || crmdOnline;
            return new Verdict(inCluster, null, up);
        } else if (terminate && "down".equalsIgnoreCase(join) && !inCluster && !crmdOnline) {
            return new Verdict(false, null, false);
        } else if (!inCluster) {
            return new Verdict(false, "peer is no longer part of the cluster", false);
        } else if (!crmdOnline) {
            return new Verdict(true, "peer process is no longer available", false);
        } else if (terminate) {
            return new Verdict(true, "termination was requested", false);
        } else if ("member".equalsIgnoreCase(join)) {
            return new Verdict(true, null, false);
        } else if ("pending".equalsIgnoreCase(join) || "down".equalsIgnoreCase(join)) {
            return new Verdict(true, null, true);
        }
        return new Verdict(true, "peer was in an unknown state", false);
    }

    private static boolean terminateRequested(String value) {
        if (NodeReader.isTrue(value)) {
            return true;
        }
        return value != null && !value.isEmpty() && value.charAt(0) != '0'
                && Character.isDigit(value.charAt(0));
    }
}
