package org.halyard.scheduler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

/**
 * Orderings after a clone that needs only some of its instances: clone-min on the "first"
 * clone, or the deprecated require-all=false (one instance). Three nodes; the clone may run on
 * two of them, the dependent only on the third.
 */
class CloneMinimumOrderingTest {

    @Test
    void dependentStartsWhenCloneMinInstancesCanRun() {
        Transition t = schedule("2", "");
        assertTrue(t.actions().contains("dep_start_0 n3"), t.actions().toString());
    }

    @Test
    void dependentWaitsWhenFewerThanCloneMinCanRun() {
        Transition t = schedule("3", "");
        assertTrue(t.actions().contains("dep_start_0 n3 (blocked)"), t.actions().toString());
        assertTrue(t.actions().stream().anyMatch(a -> a.matches("base:[0-9]_start_0 n1")),
                t.actions().toString());
    }

    @Test
    void requireAllFalseNeedsOneInstance() {
        Transition t = schedule(null, "require-all=\"false\"");
        assertTrue(t.actions().contains("dep_start_0 n3"), t.actions().toString());
    }

    @Test
    void cloneMinOverridesRequireAll() {
        Transition t = schedule("3", "require-all=\"false\"");
        assertTrue(t.actions().contains("dep_start_0 n3 (blocked)"), t.actions().toString());
    }

    /** base-clone is banned from n3; dep runs only on n3 and is ordered after base-clone. */
    private static Transition schedule(String cloneMin, String orderAttributes) {
        String meta = cloneMin == null ? "" : """
                <meta_attributes id="base-clone-meta">
                  <nvpair id="base-clone-min" name="clone-min" value="%s"/>
                </meta_attributes>""".formatted(cloneMin);
        String xml = """
                <cib validate-with="pacemaker-3.0" epoch="1" num_updates="0" admin_epoch="0" have-quorum="1">
                  <configuration>
                    <crm_config>
                      <cluster_property_set id="options">
                        <nvpair id="options-stonith" name="stonith-enabled" value="false"/>
                      </cluster_property_set>
                    </crm_config>
                    <nodes>
                      <node id="1" uname="n1"/><node id="2" uname="n2"/><node id="3" uname="n3"/>
                    </nodes>
                    <resources>
                      <clone id="base-clone">
                        %s
                        <primitive class="ocf" id="base" provider="heartbeat" type="Dummy"/>
                      </clone>
                      <primitive class="ocf" id="dep" provider="heartbeat" type="Dummy"/>
                    </resources>
                    <constraints>
                      <rsc_location id="base-not-n3" rsc="base-clone" node="n3" score="-INFINITY"/>
                      <rsc_location id="dep-not-n1" rsc="dep" node="n1" score="-INFINITY"/>
                      <rsc_location id="dep-not-n2" rsc="dep" node="n2" score="-INFINITY"/>
                      <rsc_order id="base-then-dep" first="base-clone" then="dep" %s/>
                    </constraints>
                  </configuration>
                  <status>
                    %s
                  </status>
                </cib>
                """.formatted(meta, orderAttributes, nodeState("1") + nodeState("2")
                + nodeState("3"));
        return Scheduler.schedule(CibXml.parse(xml, "clone-min.xml"));
    }

    private static String nodeState(String id) {
        return """
                <node_state id="%s" uname="n%s" in_ccm="true" crmd="online" join="member" expected="member"/>
                """.formatted(id, id);
    }
}
