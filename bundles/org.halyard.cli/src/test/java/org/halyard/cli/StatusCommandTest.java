package org.halyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.halyard.api.ApiException;
import org.halyard.api.ApiServer;
import org.halyard.api.ErrorCode;
import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.api.StatusReport.ResourceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int halyard(String... args) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Halyard.run(List.of(args), ps, ps);
    }

    private static StatusReport threeNodes() {
        StatusReport report = new StatusReport();
        report.cluster = "web";
        report.stack = "halyard";
        report.dc = "node1";
        report.quorate = true;
        report.votes = 2;
        report.expectedVotes = 3;
        report.cibVersion = "0.12.3";
        report.reportedBy = "node2";
        report.nodes.add(new NodeStatus("node1", 1, "online"));
        report.nodes.add(new NodeStatus("node2", 2, "standby"));
        report.nodes.add(new NodeStatus("node3", 3, "offline"));
        ResourceStatus group = new ResourceStatus("web-group", "group", null, null, null);
        group.members.add(new ResourceStatus("ip", "primitive", "ocf:heartbeat:IPaddr2", "Started", "node1"));
        group.members.add(new ResourceStatus("apache", "primitive", "ocf:heartbeat:apache", "Stopped", null));
        report.resources.add(group);
        return report;
    }

    @Test
    void printsTheCrmMonPicture() {
        Path socket = dir.resolve("halyard.sock");
        try (ApiServer server = ApiServer.start(socket, request -> threeNodes())) {
            assertEquals(Halyard.OK, halyard("status", "--socket", socket.toString()), out.toString());
        }
        assertEquals("""
                Cluster Summary:
                  * Stack: halyard
                  * Current DC: node1 - partition with quorum (2 of 3 expected votes)
                  * Cluster: web, CIB version 0.12.3, reported by node2
                  * 3 nodes configured
                  * 2 resource instances configured

                Node List:
                  * Online: [ node1 ]
                  * Node standby: [ node2 ]
                  * OFFLINE: [ node3 ]

                Full List of Resources:
                  * Resource Group: web-group:
                    * ip\t(ocf:heartbeat:IPaddr2):\t Started node1
                    * apache\t(ocf:heartbeat:apache):\t Stopped
                """, out.toString());
    }

    @Test
    void aCloneOfPrimitivesIsSummedUpByRoleAsCrmMonDoes() {
        StatusReport report = threeNodes();
        report.resources.clear();
        ResourceStatus ms = new ResourceStatus("ms_data", "promotable", null, null, null);
        ms.members.add(new ResourceStatus("data:0", "primitive", "ocf:pacemaker:Stateful", "Promoted", "node1"));
        ms.members.add(new ResourceStatus("data:1", "primitive", "ocf:pacemaker:Stateful", "Unpromoted", "node2"));
        ms.members.add(new ResourceStatus("data:2", "primitive", "ocf:pacemaker:Stateful", "Stopped", null));
        report.resources.add(ms);
        ResourceStatus clone = new ResourceStatus("ping-clone", "clone", null, null, null);
        clone.members.add(new ResourceStatus("ping", "primitive", "ocf:pacemaker:ping", "Started", "node1"));
        clone.members.add(new ResourceStatus("ping", "primitive", "ocf:pacemaker:ping", "Started", "node2"));
        report.resources.add(clone);
        String text = StatusText.render(report);
        // as crm_mon -1 -r prints them (../shared/data/pacemaker-crm_mon-2.1.5/*.txt)
        assertTrue(text.endsWith("""
                Full List of Resources:
                  * Clone Set: ms_data [data] (promotable):
                    * Promoted: [ node1 ]
                    * Unpromoted: [ node2 ]
                    * Stopped: [ node3 ]
                  * Clone Set: ping-clone [ping]:
                    * Started: [ node1 node2 ]
                """), text);
    }

    @Test
    void xmlIsTheReportAsTheDaemonSentIt() {
        Path socket = dir.resolve("halyard.sock");
        try (ApiServer server = ApiServer.start(socket, request -> threeNodes())) {
            assertEquals(Halyard.OK, halyard("status", "--xml", "--socket", socket.toString()));
        }
        assertTrue(out.toString().startsWith("<status cluster=\"web\" stack=\"halyard\" dc=\"node1\" quorate=\"true\""),
                out.toString());
        assertTrue(out.toString().contains("<node name=\"node3\" id=\"3\" state=\"offline\"/>"), out.toString());
    }

    @Test
    void daemonErrorsAndAMissingDaemonAreShownAsTheyAre() {
        Path socket = dir.resolve("halyard.sock");
        try (ApiServer server = ApiServer.start(socket, request -> {
            throw new ApiException(ErrorCode.UNAVAILABLE, "node1 is still joining the cluster");
        })) {
            assertEquals(Halyard.FAILED, halyard("status", "--socket", socket.toString()));
        }
        assertEquals("halyard status: node1 is still joining the cluster\n", out.toString());
        out.reset();
        assertEquals(Halyard.FAILED, halyard("status", "--socket", dir.resolve("gone.sock").toString()));
        assertTrue(out.toString().startsWith("halyard status: cannot reach halyardd at " + dir.resolve("gone.sock")),
                out.toString());
    }
}
