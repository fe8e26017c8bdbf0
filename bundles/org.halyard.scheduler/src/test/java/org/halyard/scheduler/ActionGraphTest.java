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
}
