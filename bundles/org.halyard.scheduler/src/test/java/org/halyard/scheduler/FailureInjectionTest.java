package org.halyard.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.status.Lrm;
import org.halyard.cib.model.status.NodeState;
import org.halyard.cib.model.status.OperationHistory;
import org.halyard.cib.model.status.ResourceHistory;
import org.halyard.scheduler.output.SummaryItem;
import org.junit.jupiter.api.Test;

class FailureInjectionTest {

    /** rsc1 (monitored every 20s) runs on node1; node2 is configured but never seen. */
    private static final String CIB = """
            <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.9" have-quorum="1">
              <configuration>
                <crm_config>
                  <cluster_property_set id="opts">
                    <nvpair id="opts-stonith" name="stonith-enabled" value="false"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="node1"/>
                  <node id="2" uname="node2"/>
                </nodes>
                <resources>
                  <primitive id="rsc1" class="ocf" provider="heartbeat" type="Dummy">
                    <operations>
                      <op id="rsc1-monitor" name="monitor" interval="20s"/>
                    </operations>
                  </primitive>
                </resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member">
                  <lrm id="1">
                    <lrm_resources>
                      <lrm_resource id="rsc1" class="ocf" provider="heartbeat" type="Dummy">
                        <lrm_rsc_op id="rsc1_last_0" operation_key="rsc1_start_0" operation="start"
                            transition-key="1:0:0:x" transition-magic="0:0;1:0:0:x" call-id="7" rc-code="0"
                            op-status="0" interval="0" on_node="node1"/>
                      </lrm_resource>
                    </lrm_resources>
                  </lrm>
                </node_state>
              </status>
            </cib>
            """;

    @Test
    void recordsAFailedMonitorWithItsConfiguredIntervalAndBumpsTheFailCount() {
        Cib cib = CibXml.parse(CIB, "cib.xml");
        FailureInjection.failedMonitor(cib, "rsc1", "node1", 1_700_000_000L);
        FailureInjection.failedMonitor(cib, "rsc1", "node1", 1_700_000_001L);
        NodeState node1 = cib.status().orElseThrow().nodeState("node1").orElseThrow();
        ResourceHistory history = node1.lrm().map(Lrm::resourceHistories).orElseThrow().get(0);
        List<OperationHistory> monitors = history.operations().stream()
                .filter(op -> "monitor".equals(op.getOperation())).toList();
        assertEquals(1, monitors.size(), "a second failure replaces the entry, as the executor does");
        OperationHistory monitor = monitors.get(0);
        assertEquals(List.of("rsc1_monitor_20000", "20000", "1", "0", "9"), List.of(monitor.getId(),
                monitor.getInterval(), monitor.getRcCode(), monitor.getOpStatus(), monitor.getCallId()));
        InstanceAttributes attributes = node1.transientAttributes().orElseThrow()
                .instanceAttributes().get(0);
        assertEquals("2", attributes.value("fail-count-rsc1#monitor_20000").orElseThrow());
        assertEquals("1700000001", attributes.value("last-failure-rsc1#monitor_20000").orElseThrow());
        List<SummaryItem> summary = Scheduler.schedule(cib).summary();
        assertEquals("Recover", summary.get(0).change());
    }

    @Test
    void aConfiguredNodeWithoutStatusGetsAnEntryAndUnknownNamesAreRefused() {
        Cib cib = CibXml.parse(CIB, "cib.xml");
        FailureInjection.failedMonitor(cib, "rsc1", "node2", 1_700_000_000L);
        NodeState node2 = cib.status().orElseThrow().nodeState("node2").orElseThrow();
        assertEquals("2", node2.getId());
        SchedulerException node = assertThrows(SchedulerException.class,
                () -> FailureInjection.failedMonitor(cib, "rsc1", "node9", 0));
        assertEquals("unknown node \"node9\" (neither configured nor in the status section)",
                node.getMessage());
        SchedulerException rsc = assertThrows(SchedulerException.class,
                () -> FailureInjection.failedMonitor(cib, "nope", "node1", 0));
        assertEquals("unknown resource \"nope\" (no primitive with that id in the configuration)",
                rsc.getMessage());
    }
}
