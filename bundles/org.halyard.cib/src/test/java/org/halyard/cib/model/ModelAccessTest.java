package org.halyard.cib.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.attributes.ClusterPropertySet;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.attributes.NvPair;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.cib.model.constraints.TicketConstraint;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.rules.DateExpression;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.Rule;
import org.halyard.cib.model.status.NodeState;
import org.halyard.cib.model.status.OperationHistory;
import org.junit.jupiter.api.Test;

/** The typed view of a CIB that uses most of the schema. */
class ModelAccessTest {

    private static final String CIB = """
            <cib admin_epoch="0" epoch="12" num_updates="3" validate-with="pacemaker-3.9" have-quorum="1" dc-uuid="1">
              <configuration>
                <crm_config>
                  <cluster_property_set id="extra" score="10">
                    <nvpair id="extra-stonith" name="stonith-enabled" value="false"/>
                  </cluster_property_set>
                  <cluster_property_set id="cib-bootstrap-options">
                    <nvpair id="opt-stonith" name="stonith-enabled" value="true"/>
                  </cluster_property_set>
                  <cluster_property_set id="more" score="20"/>
                </crm_config>
                <nodes>
                  <node id="1" uname="node1" type="member">
                    <instance_attributes id="node1-attrs"><nvpair id="node1-site" name="site" value="a"/></instance_attributes>
                    <utilization id="node1-util"><nvpair id="node1-cpu" name="cpu" value="8"/></utilization>
                  </node>
                </nodes>
                <resources>
                  <template id="web-template" class="ocf" provider="heartbeat" type="apache"/>
                  <primitive id="fence" class="stonith" type="fence_ipmilan"/>
                  <group id="web">
                    <meta_attributes id="web-meta"><nvpair id="web-role" name="target-role" value="Started"/></meta_attributes>
                    <primitive id="ip" class="ocf" provider="heartbeat" type="IPaddr2">
                      <instance_attributes id="ip-params"><nvpair id="ip-addr" name="ip" value="10.0.0.1"/></instance_attributes>
                      <operations>
                        <op id="ip-monitor" name="monitor" interval="10s" timeout="20s" on-fail="restart"/>
                      </operations>
                    </primitive>
                    <primitive id="apache" template="web-template"/>
                  </group>
                  <clone id="db-clone">
                    <meta_attributes id="db-clone-meta"><nvpair id="db-promotable" name="promotable" value="true"/></meta_attributes>
                    <primitive id="db" class="ocf" provider="pacemaker" type="Stateful"/>
                  </clone>
                  <master id="legacy"><primitive id="old" class="ocf" provider="pacemaker" type="Stateful"/></master>
                  <bundle id="httpd-bundle">
                    <podman image="httpd:latest" replicas="3"/>
                    <network control-port="3121"/>
                    <primitive id="httpd" class="ocf" provider="heartbeat" type="apache"/>
                  </bundle>
                </resources>
                <constraints>
                  <rsc_location id="loc" rsc="web" node="node1" score="INFINITY" role="Started"/>
                  <rsc_location id="loc-rule" rsc="db-clone">
                    <rule id="loc-rule-r" score="-INFINITY" boolean-op="or">
                      <expression id="loc-rule-e" attribute="site" operation="ne" value="a"/>
                      <date_expression id="loc-rule-d" operation="date_spec"><date_spec id="loc-rule-ds" hours="9-17"/></date_expression>
                    </rule>
                  </rsc_location>
                  <rsc_colocation id="col" score="INFINITY" rsc="web" with-rsc="db-clone" with-rsc-role="Promoted"/>
                  <rsc_order id="ord" first="db-clone" first-action="promote" then="web" kind="Mandatory" symmetrical="false"/>
                  <rsc_order id="ord-set">
                    <resource_set id="ord-set-1" sequential="false"><resource_ref id="ip"/><resource_ref id="apache"/></resource_set>
                  </rsc_order>
                  <rsc_ticket id="tkt" rsc="web" ticket="ticketA" loss-policy="stop"/>
                </constraints>
                <rsc_defaults><meta_attributes id="rsc-options"><nvpair id="stick" name="resource-stickiness" value="100"/></meta_attributes></rsc_defaults>
              </configuration>
              <status>
                <node_state id="1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member">
                  <transient_attributes id="1"><instance_attributes id="status-1"><nvpair id="status-1-fail" name="fail-count-ip#monitor_10000" value="1"/></instance_attributes></transient_attributes>
                  <lrm id="1"><lrm_resources>
                    <lrm_resource id="ip" type="IPaddr2" class="ocf" provider="heartbeat">
                      <lrm_rsc_op id="ip_last_0" operation="start" call-id="5" rc-code="0" op-status="0" interval="0"/>
                    </lrm_resource>
                  </lrm_resources></lrm>
                </node_state>
              </status>
            </cib>
            """;

    private final Cib cib = CibXml.parse(CIB, "model.xml");
    private final Configuration configuration = cib.configuration().orElseThrow();

    @Test
    void rootAttributes() {
        assertEquals("pacemaker-3.9", cib.getValidateWith());
        assertTrue(cib.hasQuorum());
        assertEquals("1", cib.getDcUuid());
        assertEquals("0.12.3", cib.version().toString());
    }

    @Test
    void clusterOptionsInPacemakerPrecedence() {
        List<String> order = configuration.crmConfig().orElseThrow().inPrecedenceOrder().stream()
                .map(ClusterPropertySet::getId).toList();
        assertEquals(List.of("cib-bootstrap-options", "more", "extra"), order);
        assertEquals(Optional.of("true"), configuration.crmConfig().orElseThrow()
                .inPrecedenceOrder().get(0).value("stonith-enabled"));
    }

    @Test
    void nodesWithAttributesAndUtilization() {
        var node = configuration.nodes().orElseThrow().byName("NODE1").orElseThrow();
        assertEquals("member", node.getType());
        assertEquals(Map.of("site", "a"), node.instanceAttributes().get(0).asMap());
        assertEquals(Optional.of("8"), node.utilizations().get(0).value("cpu"));
    }

    @Test
    void resourcesInOrderWithTheirMembers() {
        Resources resources = configuration.resources().orElseThrow();
        assertEquals(List.of("fence", "web", "db-clone", "legacy", "httpd-bundle"),
                resources.resources().stream().map(Resource::getId).toList());
        assertEquals(List.of("fence", "web", "ip", "apache", "db-clone", "db", "legacy", "old",
                "httpd-bundle", "httpd"), resources.allResources().stream().map(Resource::getId).toList());
        assertEquals("web-template", resources.templates().get(0).getId());
        assertTrue(((Primitive) resources.find("fence").orElseThrow()).isStonith());

        Group web = (Group) resources.find("web").orElseThrow();
        assertEquals(Optional.of("Started"), web.metaAttribute("target-role"));
        Primitive ip = (Primitive) web.members().get(0);
        assertEquals("ocf:heartbeat:IPaddr2", ip.agent());
        Operation monitor = ip.operationList().get(0);
        assertEquals(List.of("monitor", "10s", "20s", "restart"), List.of(monitor.getName(),
                monitor.getInterval(), monitor.getTimeout(), monitor.getOnFail()));
        assertEquals("web-template", ((Primitive) web.members().get(1)).getTemplate());

        Clone db = (Clone) resources.find("db-clone").orElseThrow();
        assertTrue(db.isPromotable());
        assertEquals("db", db.child().orElseThrow().getId());
        Clone legacy = (Clone) resources.find("legacy").orElseThrow();
        assertInstanceOf(Master.class, legacy);
        assertTrue(legacy.isPromotable());

        Bundle bundle = (Bundle) resources.find("httpd-bundle").orElseThrow();
        assertEquals("podman", bundle.container().orElseThrow().getLocalName());
        assertEquals("httpd", bundle.primitive().orElseThrow().getId());
    }

    @Test
    void constraintsByKind() {
        Constraints constraints = configuration.constraints().orElseThrow();
        assertEquals(List.of("location", "location", "colocation", "order", "order", "rsc_ticket"),
                constraints.constraints().stream().map(c -> c.kind()).toList());

        LocationConstraint loc = constraints.locations().get(0);
        assertEquals(List.of("web", "node1", "INFINITY", "Started"),
                List.of(loc.getRsc(), loc.getNode(), loc.getScore(), loc.getRole()));
        Rule rule = constraints.locations().get(1).rules().get(0);
        assertFalse(rule.isConjunction());
        assertEquals("-INFINITY", rule.getScore());
        assertEquals("site", ((Expression) rule.conditions().get(0)).getAttribute());
        DateExpression date = (DateExpression) rule.conditions().get(1);
        assertEquals("9-17", date.dateSpec().orElseThrow().getHours());

        ColocationConstraint col = constraints.colocations().get(0);
        assertEquals(List.of("web", "db-clone", "Promoted"),
                List.of(col.getRsc(), col.getWithRsc(), col.getWithRscRole()));
        OrderConstraint ord = constraints.orders().get(0);
        assertEquals(List.of("promote", "promote", "Mandatory", "false"), List.of(
                ord.effectiveFirstAction(), ord.effectiveThenAction(), ord.getKind(), ord.getSymmetrical()));
        ResourceSet set = constraints.orders().get(1).resourceSets().get(0);
        assertEquals(List.of("ip", "apache"), set.resourceIds());
        assertEquals("false", set.getSequential());
        TicketConstraint ticket = constraints.tickets().get(0);
        assertEquals(List.of("ticketA", "stop"), List.of(ticket.getTicket(), ticket.getLossPolicy()));
    }

    @Test
    void resourceDefaults() {
        MetaAttributes defaults = configuration.resourceDefaults().orElseThrow().metaAttributes().get(0);
        assertEquals(Optional.of("100"), defaults.value("resource-stickiness"));
    }

    @Test
    void statusHistory() {
        NodeState state = cib.status().orElseThrow().nodeState("node1").orElseThrow();
        assertEquals(List.of("true", "online", "member"), List.of(state.getInCcm(), state.getCrmd(),
                state.getJoin()));
        assertEquals(Optional.of("1"), state.transientAttributes().orElseThrow().instanceAttributes()
                .get(0).value("fail-count-ip#monitor_10000"));
        OperationHistory op = state.lrm().orElseThrow().resourceHistories().get(0).operations().get(0);
        assertEquals(List.of("start", "5", "0", "0"), List.of(op.getOperation(), op.getCallId(),
                op.getRcCode(), op.getOpStatus()));
    }

    @Test
    void editsAreSavedInPlace() {
        Primitive ip = (Primitive) configuration.resources().orElseThrow().find("ip").orElseThrow();
        NvPair changed = ip.instanceAttributes().get(0).put("ip", "10.0.0.2");
        NvPair added = ip.instanceAttributes().get(0).put("cidr_netmask", "24");
        assertEquals("ip-addr", changed.getId());
        assertEquals("ip-params-cidr_netmask", added.getId());
        cib.setVersion(cib.version().nextEpoch());
        String saved = CibXml.toXml(cib);
        assertTrue(saved.contains("<cib admin_epoch=\"0\" epoch=\"13\" num_updates=\"0\""), saved);
        assertTrue(saved.contains("""
                <instance_attributes id="ip-params">
                            <nvpair id="ip-addr" name="ip" value="10.0.0.2"/>
                            <nvpair id="ip-params-cidr_netmask" name="cidr_netmask" value="24"/>
                          </instance_attributes>"""), saved);
    }

    @Test
    void singleChildSetterReplacesInPlace() {
        Cib empty = Cib.empty();
        Configuration config = empty.configuration().orElseThrow();
        Resources replacement = new Resources();
        config.setResources(replacement);
        assertEquals(2, config.content().indexOf(replacement), "kept the position of <resources>");
        config.setResources(null);
        assertEquals(Optional.empty(), config.resources());
        assertEquals("""
                <cib admin_epoch="0" epoch="0" num_updates="0" validate-with="pacemaker-3.9">
                  <configuration>
                    <crm_config/>
                    <nodes/>
                    <constraints/>
                  </configuration>
                  <status/>
                </cib>
                """, CibXml.toXml(empty));
    }
}
