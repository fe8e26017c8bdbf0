package org.halyard.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

/**
 * With a placement strategy, a start waits for the stops that free the capacity it needs on
 * its node (load_stopped orderings). Nodes n1 and n2 offer 2 "cpu"; every resource needs 2.
 */
class LoadOrderingTest {

    /** "old" runs on n1 and must leave it; "new" wants n1. */
    private static final String MOVE = """
            <primitive id="old" class="ocf" provider="heartbeat" type="Dummy">%s</primitive>
            <primitive id="new" class="ocf" provider="heartbeat" type="Dummy">%s</primitive>
            """.formatted(cpu("old"), cpu("new"));

    private static final String OLD_LEAVES_NEW_COMES = ban("old", "n1")
            + "<rsc_location id=\"new-n1\" rsc=\"new\" node=\"n1\" score=\"100\"/>";

    @Test
    void aStartWaitsForTheStopThatFreesItsNode() {
        ActionGraph graph = graph("utilization", MOVE, OLD_LEAVES_NEW_COMES, running("old"), "");
        Map<String, Integer> id = ids(graph);
        assertEquals(Set.of(id.get("old_stop n1")), graph.prerequisites(id.get("new_start n1")));
        assertEquals(Set.of(id.get("old_stop n1")), graph.prerequisites(id.get("old_start n2")));
    }

    @Test
    void withoutAPlacementStrategyCapacityIsNotWaitedFor() {
        ActionGraph graph = graph("default", MOVE, OLD_LEAVES_NEW_COMES, running("old"), "");
        Map<String, Integer> id = ids(graph);
        assertEquals(Set.of(), graph.prerequisites(id.get("new_start n1")));
    }

    @Test
    void migrationsTradingNodesDoNotWaitForEachOtherInACycle() {
        String resources = """
                <primitive id="a" class="ocf" provider="heartbeat" type="Dummy">%s%s</primitive>
                <primitive id="b" class="ocf" provider="heartbeat" type="Dummy">%s%s</primitive>
                """.formatted(cpu("a"), migratable("a"), cpu("b"), migratable("b"));
        ActionGraph graph = graph("utilization", resources, ban("a", "n1") + ban("b", "n2"),
                running("a"), running("b"));
        Map<String, Integer> id = ids(graph);
        assertTrue(id.containsKey("a_migrate_to n1") && id.containsKey("b_migrate_to n2"),
                id.keySet().toString());
        assertAcyclic(graph);
        // one migration still waits for the other to free its target
        boolean aWaits = graph.prerequisites(id.get("a_migrate_to n1")).contains(id.get("b_stop n2"));
        boolean bWaits = graph.prerequisites(id.get("b_migrate_to n2")).contains(id.get("a_stop n1"));
        assertTrue(aWaits != bWaits, "exactly one migration waits: " + graph.edges());
    }

    private static void assertAcyclic(ActionGraph graph) {
        Set<Integer> done = new HashSet<>();
        for (ActionGraph.Step step : graph.actions()) {
            visit(graph, step.id(), new HashSet<>(), done);
        }
    }

    private static void visit(ActionGraph graph, int id, Set<Integer> path, Set<Integer> done) {
        if (done.contains(id)) {
            return;
        }
        assertTrue(path.add(id), "cycle through action " + id + ": " + graph.edges());
        for (int before : graph.prerequisites(id)) {
            visit(graph, before, path, done);
        }
        path.remove(id);
        done.add(id);
    }

    private static String cpu(String id) {
        return "<utilization id=\"%1$s-u\"><nvpair id=\"%1$s-u-cpu\" name=\"cpu\" value=\"2\"/></utilization>"
                .formatted(id);
    }

    private static String migratable(String id) {
        return "<meta_attributes id=\"%1$s-m\"><nvpair id=\"%1$s-m-a\" name=\"allow-migrate\" value=\"true\"/></meta_attributes>"
                .formatted(id);
    }

    private static String ban(String rsc, String node) {
        return "<rsc_location id=\"%1$s-not-%2$s\" rsc=\"%1$s\" node=\"%2$s\" score=\"-INFINITY\"/>"
                .formatted(rsc, node);
    }

    private static String running(String rsc) {
        return """
                <lrm_resource id="%1$s" class="ocf" provider="heartbeat" type="Dummy">
                  <lrm_rsc_op id="%1$s_last_0" operation_key="%1$s_start_0" operation="start" transition-key="1:1:0:test" call-id="1" rc-code="0" op-status="0" interval="0"/>
                </lrm_resource>
                """.formatted(rsc);
    }

    private static ActionGraph graph(String strategy, String resources, String constraints,
            String onN1, String onN2) {
        String xml = """
                <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.7" have-quorum="1">
                  <configuration>
                    <crm_config><cluster_property_set id="o">
                      <nvpair id="o-s" name="stonith-enabled" value="false"/>
                      <nvpair id="o-p" name="placement-strategy" value="%s"/>
                    </cluster_property_set></crm_config>
                    <nodes>%s%s</nodes>
                    <resources>%s</resources>
                    <constraints>%s</constraints>
                  </configuration>
                  <status>
                    <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member">
                      <lrm id="1"><lrm_resources>%s</lrm_resources></lrm>
                    </node_state>
                    <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member">
                      <lrm id="2"><lrm_resources>%s</lrm_resources></lrm>
                    </node_state>
                  </status>
                </cib>
                """.formatted(strategy, node("1"), node("2"), resources, constraints, onN1, onN2);
        return Scheduler.schedule(CibXml.parse(xml, "load-orderings.xml"), false).graph();
    }

    private static String node(String id) {
        return """
                <node id="%1$s" uname="n%1$s">
                  <utilization id="n%1$s-u"><nvpair id="n%1$s-u-cpu" name="cpu" value="2"/></utilization>
                </node>
                """.formatted(id);
    }

    private static Map<String, Integer> ids(ActionGraph graph) {
        return graph.actions().stream()
                .collect(Collectors.toMap(ActionGraph.Step::toString, ActionGraph.Step::id));
    }
}
