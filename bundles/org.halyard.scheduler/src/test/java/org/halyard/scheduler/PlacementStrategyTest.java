package org.halyard.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

/**
 * Utilization and placement-strategy end to end: two nodes n1 and n2 offering "cpu", new
 * resources needing some of it.
 */
class PlacementStrategyTest {

    @Test
    void defaultStrategyIgnoresCapacity() {
        Map<String, String> placed = schedule("default", 1, 2, primitive("r", 2));
        assertEquals("n1", placed.get("r"));
    }

    @Test
    void aNodeMustHaveTheCapacityLeft() {
        Map<String, String> placed = schedule("utilization", 1, 2, primitive("r", 2));
        assertEquals("n2", placed.get("r"));
    }

    @Test
    void colocatedResourcesMustFitTogether() {
        // n1 could take a alone, but not a and b, which must run on the same node
        Map<String, String> placed = schedule("utilization", 3, 4,
                primitive("a", 2) + primitive("b", 2), colocation("b", "a"));
        assertEquals("n2", placed.get("a"));
        assertEquals("n2", placed.get("b"));
    }

    @Test
    void withoutRoomForTheWholeSetTheNodeWithMostFreeCapacityIsPreferred() {
        Map<String, String> placed = schedule("utilization", 2, 3,
                primitive("a", 2) + primitive("b", 2), colocation("b", "a"));
        assertEquals("n2", placed.get("a"));
        assertNull(placed.get("b"));
    }

    @Test
    void utilizationSpreadsByResourceCount() {
        Map<String, String> placed = schedule("utilization", 4, 8,
                primitive("r1", 1) + primitive("r2", 1));
        assertEquals("n1", placed.get("r1"));
        assertEquals("n2", placed.get("r2"));
    }

    @Test
    void minimalPacksByNodeName() {
        Map<String, String> placed = schedule("minimal", 4, 8,
                primitive("r1", 1) + primitive("r2", 1));
        assertEquals("n1", placed.get("r1"));
        assertEquals("n1", placed.get("r2"));
    }

    @Test
    void balancedPrefersMostFreeCapacity() {
        Map<String, String> placed = schedule("balanced", 4, 8,
                primitive("r1", 1) + primitive("r2", 1));
        assertEquals("n2", placed.get("r1"));
        assertEquals("n2", placed.get("r2"));
    }

    @Test
    void resourcesWithStrongerPreferencesAreAssignedFirst() {
        // in document order, small would take n1 and leave big nowhere to go
        Map<String, String> placed = schedule("utilization", 4, 1,
                primitive("small", 1) + primitive("big", 4),
                "<rsc_location id=\"big-n1\" rsc=\"big\" node=\"n1\" score=\"10\"/>");
        assertEquals("n1", placed.get("big"));
        assertEquals("n2", placed.get("small"));
    }

    private static String primitive(String id, int cpu) {
        return """
                <primitive class="ocf" id="%1$s" provider="heartbeat" type="Dummy">
                  <utilization id="%1$s-u"><nvpair id="%1$s-u-cpu" name="cpu" value="%2$d"/></utilization>
                </primitive>
                """.formatted(id, cpu);
    }

    private static String colocation(String dependent, String primary) {
        return "<rsc_colocation id=\"%1$s-with-%2$s\" rsc=\"%1$s\" with-rsc=\"%2$s\" score=\"INFINITY\"/>"
                .formatted(dependent, primary);
    }

    private static Map<String, String> schedule(String strategy, int cpu1, int cpu2,
            String resources) {
        return schedule(strategy, cpu1, cpu2, resources, "");
    }

    private static Map<String, String> schedule(String strategy, int cpu1, int cpu2,
            String resources, String constraints) {
        String xml = """
                <cib validate-with="pacemaker-3.0" epoch="1" num_updates="0" admin_epoch="0" have-quorum="1">
                  <configuration>
                    <crm_config>
                      <cluster_property_set id="options">
                        <nvpair id="options-stonith" name="stonith-enabled" value="false"/>
                        <nvpair id="options-placement" name="placement-strategy" value="%s"/>
                      </cluster_property_set>
                    </crm_config>
                    <nodes>
                      %s%s
                    </nodes>
                    <resources>%s</resources>
                    <constraints>%s</constraints>
                  </configuration>
                  <status>%s%s</status>
                </cib>
                """.formatted(strategy, node("1", cpu1), node("2", cpu2), resources, constraints,
                nodeState("1"), nodeState("2"));
        return Scheduler.schedule(CibXml.parse(xml, "placement-strategy.xml")).placements();
    }

    private static String node(String id, int cpu) {
        return """
                <node id="%1$s" uname="n%1$s">
                  <utilization id="n%1$s-u"><nvpair id="n%1$s-u-cpu" name="cpu" value="%2$d"/></utilization>
                </node>
                """.formatted(id, cpu);
    }

    private static String nodeState(String id) {
        return """
                <node_state id="%s" uname="n%s" in_ccm="true" crmd="online" join="member" expected="member"/>
                """.formatted(id, id);
    }
}
