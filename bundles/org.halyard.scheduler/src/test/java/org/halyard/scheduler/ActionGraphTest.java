package org.halyard.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

class ActionGraphTest {

    private static final String CIB = """
            <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.7" have-quorum="1">
              <configuration>
                <crm_config><cluster_property_set id="o">
                  <nvpair id="o-s" name="stonith-enabled" value="false"/>
                </cluster_property_set></crm_config>
                <nodes><node id="1" uname="n1"/><node id="2" uname="n2"/></nodes>
                <resources>
                  <group id="web">
                    <primitive id="ip" class="ocf" provider="heartbeat" type="Dummy"/>
                    <primitive id="site" class="ocf" provider="heartbeat" type="Dummy"/>
                  </group>
                </resources>
                <constraints>
                  <rsc_location id="prefer" rsc="web" node="n2" score="100"/>
                </constraints>
              </configuration>
              <status>
                <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member"/>
                <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/>
              </status>
            </cib>
            """;

    @Test
    void groupMembersStartInOrderOnThePreferredNode() throws Exception {
        ActionGraph graph = Scheduler.schedule(CibXml.parse(CIB, "test"), false).graph();
        Map<String, ActionGraph.Step> byName = graph.actions().stream()
                .collect(Collectors.toMap(ActionGraph.Step::toString, s -> s));
        assertEquals(Set.of("ip_start n2", "site_start n2"), byName.keySet());
        // the group's pseudo-actions are dissolved into a direct ordering
        assertEquals(Set.of(byName.get("ip_start n2").id()), graph.prerequisites(byName.get("site_start n2").id()));
        assertEquals(Set.of(), graph.prerequisites(byName.get("ip_start n2").id()));
    }

    /** The group runs on n1 and must move to n2; allow-migrate per member as given. */
    private static ActionGraph movingGroup(boolean aMigrates, boolean bMigrates) {
        String cib = """
                <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.7" have-quorum="1">
                  <configuration>
                    <crm_config><cluster_property_set id="o">
                      <nvpair id="o-s" name="stonith-enabled" value="false"/>
                    </cluster_property_set></crm_config>
                    <nodes><node id="1" uname="n1"/><node id="2" uname="n2"/></nodes>
                    <resources>
                      <group id="g">
                        <primitive id="A" class="ocf" provider="heartbeat" type="Dummy">
                          <meta_attributes id="A-m"><nvpair id="A-m-a" name="allow-migrate" value="%s"/></meta_attributes>
                        </primitive>
                        <primitive id="B" class="ocf" provider="heartbeat" type="Dummy">
                          <meta_attributes id="B-m"><nvpair id="B-m-a" name="allow-migrate" value="%s"/></meta_attributes>
                        </primitive>
                      </group>
                    </resources>
                    <constraints>
                      <rsc_location id="away" rsc="g" node="n1" score="-INFINITY"/>
                    </constraints>
                  </configuration>
                  <status>
                    <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member">
                      <lrm id="1"><lrm_resources>
                        <lrm_resource id="A" class="ocf" provider="heartbeat" type="Dummy">
                          <lrm_rsc_op id="A_last_0" operation_key="A_start_0" operation="start" transition-key="1:1:0:test" call-id="1" rc-code="0" op-status="0" interval="0"/>
                        </lrm_resource>
                        <lrm_resource id="B" class="ocf" provider="heartbeat" type="Dummy">
                          <lrm_rsc_op id="B_last_0" operation_key="B_start_0" operation="start" transition-key="2:1:0:test" call-id="2" rc-code="0" op-status="0" interval="0"/>
                        </lrm_resource>
                      </lrm_resources></lrm>
                    </node_state>
                    <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/>
                  </status>
                </cib>
                """.formatted(aMigrates, bMigrates);
        return Scheduler.schedule(CibXml.parse(cib, "test"), false).graph();
    }

    private static Map<String, Integer> ids(ActionGraph graph) {
        return graph.actions().stream().collect(Collectors.toMap(ActionGraph.Step::toString, ActionGraph.Step::id));
    }

    @Test
    void aMigratingGroupMigratesMemberByMemberThenStopsTheOldCopiesWithoutAStart() {
        ActionGraph graph = movingGroup(true, true);
        Map<String, Integer> id = ids(graph);
        assertEquals(Set.of("A_migrate_to n1", "A_migrate_from n2", "B_migrate_to n1", "B_migrate_from n2",
                "A_stop n1", "B_stop n1"), id.keySet());
        assertEquals(Set.of(id.get("A_migrate_to n1")), graph.prerequisites(id.get("A_migrate_from n2")));
        // the agent is told where the resource comes from and goes to on both sides
        for (ActionGraph.Step step : graph.actions()) {
            if (step.task().startsWith("migrate_")) {
                assertEquals("n1", step.migrateSource(), step.toString());
                assertEquals("n2", step.migrateTarget(), step.toString());
            }
        }
        // B follows A: its migration waits for A's to finish
        assertEquals(Set.of(id.get("A_migrate_from n2")), graph.prerequisites(id.get("B_migrate_to n1")));
        // the old copies stop after the migration, the later member first
        assertEquals(Set.of(id.get("B_migrate_from n2")), graph.prerequisites(id.get("B_stop n1")));
        assertEquals(Set.of(id.get("A_migrate_from n2"), id.get("B_stop n1")), graph.prerequisites(id.get("A_stop n1")));
    }

    @Test
    void aMemberThatCannotMigrateAfterOneThatCanIsStoppedAndStartedAfterIt() {
        ActionGraph graph = movingGroup(true, false);
        Map<String, Integer> id = ids(graph);
        assertEquals(Set.of("A_migrate_to n1", "A_migrate_from n2", "A_stop n1", "B_stop n1", "B_start n2"),
                id.keySet());
        // B stops before A migrates away (group stop order); it starts once A runs on n2 and the
        // whole group has stopped on n1, as a group's start follows its stop
        assertEquals(Set.of(id.get("B_stop n1")), graph.prerequisites(id.get("A_migrate_to n1")));
        assertEquals(Set.of(id.get("A_migrate_from n2"), id.get("A_stop n1"), id.get("B_stop n1")),
                graph.prerequisites(id.get("B_start n2")));
    }

    /**
     * n1 is lost while it runs the promoted instance and a group: nothing may start or be
     * promoted on a survivor before n1 is fenced, or both could be active at once.
     */
    @Test
    void recoveryFromAnUncleanNodeWaitsForItsFencing() {
        String cib = """
                <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.7" have-quorum="1">
                  <configuration>
                    <crm_config><cluster_property_set id="o">
                      <nvpair id="o-s" name="stonith-enabled" value="true"/>
                    </cluster_property_set></crm_config>
                    <nodes><node id="1" uname="n1"/><node id="2" uname="n2"/><node id="3" uname="n3"/></nodes>
                    <resources>
                      <primitive id="power" class="stonith" type="fence_dummy"/>
                      <clone id="ms">
                        <meta_attributes id="ms-m"><nvpair id="ms-m-p" name="promotable" value="true"/></meta_attributes>
                        <primitive id="data" class="ocf" provider="pacemaker" type="Stateful"/>
                      </clone>
                      <primitive id="ip" class="ocf" provider="heartbeat" type="Dummy"/>
                    </resources>
                    <constraints>
                      <rsc_colocation id="ip-with-promoted" rsc="ip" with-rsc="ms" with-rsc-role="Promoted" score="INFINITY"/>
                    </constraints>
                  </configuration>
                  <status>
                    <node_state id="1" uname="n1" in_ccm="false" crmd="offline" join="down" expected="member">
                      <lrm id="1"><lrm_resources>
                        <lrm_resource id="power" class="stonith" type="fence_dummy">
                          <lrm_rsc_op id="power_last_0" operation_key="power_start_0" operation="start" call-id="1" rc-code="0" op-status="0" interval="0"/>
                        </lrm_resource>
                        <lrm_resource id="data" class="ocf" provider="pacemaker" type="Stateful">
                          <lrm_rsc_op id="data_last_0" operation_key="data_promote_0" operation="promote" call-id="3" rc-code="0" op-status="0" interval="0"/>
                        </lrm_resource>
                        <lrm_resource id="ip" class="ocf" provider="heartbeat" type="Dummy">
                          <lrm_rsc_op id="ip_last_0" operation_key="ip_start_0" operation="start" call-id="4" rc-code="0" op-status="0" interval="0"/>
                        </lrm_resource>
                      </lrm_resources></lrm>
                    </node_state>
                    %s
                  </status>
                </cib>
                """.formatted(survivor(2) + survivor(3));
        ActionGraph graph = Scheduler.schedule(CibXml.parse(cib, "test"), false).graph();
        Map<String, Integer> id = ids(graph);
        int fence = id.get("stonith n1");
        String promoted = id.containsKey("data:1_promote n2") ? "data:1_promote n2" : "data:2_promote n3";
        String where = promoted.substring(promoted.length() - 2);
        assertEquals(true, id.containsKey(promoted), "a survivor's instance is promoted: " + id.keySet());
        assertEquals(true, graph.prerequisites(id.get(promoted)).contains(fence),
                promoted + " waits for the fencing: " + graph.prerequisites(id.get(promoted)));
        assertEquals(true, graph.prerequisites(id.get("ip_start " + where)).contains(fence),
                "ip's start waits for the fencing");
        // nothing is sent to the lost node: its stops and demotes are done by the fencing
        assertEquals(Set.of(), id.keySet().stream().filter(k -> k.endsWith(" n1") && !k.startsWith("stonith"))
                .collect(Collectors.toSet()));
    }

    private static String survivor(int n) {
        return """
                <node_state id="%1$d" uname="n%1$d" in_ccm="true" crmd="online" join="member" expected="member">
                  <lrm id="%1$d"><lrm_resources>
                    <lrm_resource id="data" class="ocf" provider="pacemaker" type="Stateful">
                      <lrm_rsc_op id="data_last_0" operation_key="data_start_0" operation="start" call-id="2" rc-code="0" op-status="0" interval="0"/>
                    </lrm_resource>
                  </lrm_resources></lrm>
                  <transient_attributes id="%1$d"><instance_attributes id="ta%1$d">
                    <nvpair id="ta%1$d-p" name="master-data" value="%1$d"/>
                  </instance_attributes></transient_attributes>
                </node_state>
                """.formatted(n);
    }
}
