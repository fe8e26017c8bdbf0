package org.halyard.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cluster.membership.ClusterView;
import org.halyard.cluster.membership.Member;
import org.halyard.scheduler.Scheduler;
import org.halyard.scheduler.Transition;
import org.junit.jupiter.api.Test;

/** A node's history on the wire, and the status section the scheduler gets from all of them. */
class NodeHistoryTest {

    private static final OperationRecord START = new OperationRecord("web_last_0", "start", 0, 0,
            OperationRecord.DONE, 3, 1_700_000_000L, 12, null, null);
    private static final OperationRecord MONITOR = new OperationRecord("web_monitor_10000", "monitor", 10_000, 0,
            OperationRecord.DONE, 4, 1_700_000_001L, 5, null, null);

    private static NodeHistory running(String node, long id) {
        return NodeHistory.empty(node, id).withResource(new ResourceRecord("web", "ocf", "heartbeat", "Dummy",
                Map.of(START.id(), START, MONITOR.id(), MONITOR))).withAttribute("fail-count-web#monitor_10000", "1");
    }

    @Test
    void aHistoryTravelsAsANodeStateAndComesBackTheSame() {
        NodeHistory history = running("node2", 2).withAttribute("note", "a \"quoted\" <value> & more");
        String xml = history.toXml("true", "online", "member", "member");
        assertTrue(xml.contains("<lrm_rsc_op id=\"web_monitor_10000\" operation_key=\"web_monitor_10000\""), xml);
        assertEquals(history, NodeHistory.parse(xml));
    }

    @Test
    void aMigrationStepKeepsItsNodesOnTheWayThrough() {
        OperationRecord migrateFrom = new OperationRecord("web_migrate_from_0", "migrate_from", 0, 0,
                OperationRecord.DONE, 5, 1_700_000_002L, 7, null, null, 0, "node1", "node2");
        NodeHistory history = running("node2", 2);
        history = history.withResource(history.resources().get("web").with(migrateFrom));
        String xml = history.toXml("true", "online", "member", "member");
        assertTrue(xml.contains("operation=\"migrate_from\"") && xml.contains("migrate_source=\"node1\" "
                + "migrate_target=\"node2\""), xml);
        assertEquals(history, NodeHistory.parse(xml));
    }

    @Test
    void theSchedulerSeesWhatRunsWhereAndRecoversFromALostNode() {
        Cib config = CibXml.parse("""
                <cib admin_epoch="0" epoch="3" num_updates="0">
                  <configuration>
                    <crm_config><cluster_property_set id="o">
                      <nvpair id="o-s" name="stonith-enabled" value="false"/>
                    </cluster_property_set></crm_config>
                    <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/></nodes>
                    <resources><primitive id="web" class="ocf" provider="heartbeat" type="Dummy"/></resources>
                    <constraints/>
                  </configuration>
                </cib>
                """, "test");
        ClusterStatus status = new ClusterStatus();
        status.update(NodeHistory.empty("node1", 1));
        status.update(running("node2", 2));
        ClusterView both = new ClusterView(2, List.of(new Member(1, "node1"), new Member(2, "node2")));
        Transition steady = Scheduler.schedule(status.schedulerInput(config, both, true, "node1"), false);
        assertTrue(steady.graph().isEmpty(), "web runs on node2 and stays: " + steady.graph());

        ClusterView alone = new ClusterView(3, List.of(new Member(1, "node1")));
        assertFalse(status.waitingFor(alone));
        Transition recovery = Scheduler.schedule(status.schedulerInput(config, alone, true, "node1"), false);
        assertEquals("[web_start node1]", recovery.graph().actions().toString(),
                "node2 is gone without fencing configured: web starts on node1");
    }
}
