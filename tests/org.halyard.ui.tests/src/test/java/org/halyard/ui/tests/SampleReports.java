package org.halyard.ui.tests;

import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.FailCount;
import org.halyard.api.StatusReport.FailedAction;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.api.StatusReport.ResourceStatus;

/** Status reports of a small three-node cluster, as a daemon would send them. */
final class SampleReports {

    private SampleReports() {
    }

    /**
     * node1 online (DC), node2 standby, node3 offline; a group "web" (ip, apache), a primitive
     * "db" that FAILED on node1, a promotable clone "drbd" promoted on node1, unpromoted on node2.
     */
    static StatusReport healthy() {
        StatusReport report = new StatusReport();
        report.cluster = "demo";
        report.stack = "halyard";
        report.dc = "node1";
        report.quorate = true;
        report.votes = 3;
        report.expectedVotes = 3;
        report.cibVersion = "0:12:3";
        report.reportedBy = "node1";
        report.lastChange = 1_700_000_000_000L;
        report.nodes.add(new NodeStatus("node1", 1, "online"));
        report.nodes.add(new NodeStatus("node2", 2, "standby"));
        report.nodes.add(new NodeStatus("node3", 3, "offline"));
        ResourceStatus web = new ResourceStatus("web", "group", null, null, null);
        web.members.add(new ResourceStatus("ip", "primitive", "ocf:heartbeat:IPaddr2", "Started", "node1"));
        web.members.add(new ResourceStatus("apache", "primitive", "ocf:heartbeat:Dummy", "Started", "node1"));
        report.resources.add(web);
        report.resources.add(new ResourceStatus("db", "primitive", "ocf:heartbeat:Dummy", "FAILED", "node1"));
        ResourceStatus drbd = new ResourceStatus("drbd", "promotable", null, null, null);
        drbd.members.add(new ResourceStatus("state", "primitive", "ocf:pacemaker:Stateful", "Promoted", "node1"));
        drbd.members.add(new ResourceStatus("state", "primitive", "ocf:pacemaker:Stateful", "Unpromoted", "node2"));
        drbd.members.add(new ResourceStatus("state", "primitive", "ocf:pacemaker:Stateful", "Stopped", null));
        report.resources.add(drbd);
        report.failedActions.add(new FailedAction("db", "node1", "monitor_10000", 7, "not running",
                "process vanished", 1_700_000_000_000L));
        report.failCounts.add(new FailCount("db", "node1", 2, 3));
        return report;
    }

    /** Another, smaller cluster: backup-node1 online (DC) and backup-node2 online, one primitive "job". */
    static StatusReport backup() {
        StatusReport report = new StatusReport();
        report.cluster = "backup";
        report.stack = "halyard";
        report.dc = "backup-node1";
        report.quorate = true;
        report.votes = 2;
        report.expectedVotes = 2;
        report.cibVersion = "0:3:1";
        report.reportedBy = "backup-node1";
        report.nodes.add(new NodeStatus("backup-node1", 1, "online"));
        report.nodes.add(new NodeStatus("backup-node2", 2, "online"));
        report.resources.add(new ResourceStatus("job", "primitive", "ocf:heartbeat:Dummy", "Started", "backup-node2"));
        return report;
    }

    /** The same cluster after apache stopped: only that row differs. */
    static StatusReport apacheStopped() {
        StatusReport report = healthy();
        ResourceStatus apache = report.resources.get(0).members.get(1);
        apache.role = "Stopped";
        apache.node = null;
        apache.targetRole = "Stopped";
        report.cibVersion = "0:13:0";
        return report;
    }
}
