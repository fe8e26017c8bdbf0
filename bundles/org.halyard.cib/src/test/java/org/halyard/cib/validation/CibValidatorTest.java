package org.halyard.cib.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.SourcePosition;
import org.junit.jupiter.api.Test;

class CibValidatorTest {

    /** Fencing disabled, so that only the problem under test is reported. */
    private static final String NO_FENCING = "<crm_config><cluster_property_set id=\"opts\"><nvpair"
            + " id=\"opts-stonith\" name=\"stonith-enabled\" value=\"false\"/></cluster_property_set>"
            + "</crm_config>";

    private static List<String> problems(String xml) {
        return CibValidator.validate(CibXml.parse(xml, "cib.xml")).stream().map(Problem::toString)
                .toList();
    }

    @Test
    void cleanConfigurationHasNoProblems() {
        Cib cib = CibXml.parse("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/></nodes>
                    <resources>
                      <primitive id="ip" class="ocf" provider="heartbeat" type="IPaddr2"/>
                      <group id="g"><primitive id="a" class="lsb" type="a"/></group>
                    </resources>
                    <constraints>
                      <rsc_location id="l" rsc="g" node="NODE2" score="100"/>
                      <rsc_colocation id="c" score="INFINITY" rsc="g" with-rsc="ip"/>
                      <rsc_order id="o" first="ip" then="g"/>
                    </constraints>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING), "cib.xml");
        assertEquals(List.of(), CibValidator.validate(cib));
        assertTrue(CibValidator.isValid(cib));
    }

    @Test
    void duplicateIdsAreErrorsAtTheSecondUse() {
        assertEquals(List.of(
                "cib.xml:9:7: error: id \"web\" is already used by <primitive> at cib.xml:8:7",
                "cib.xml:10:7: error: id \"opts\" is already used by <cluster_property_set> at cib.xml:3:17"),
                problems("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <nodes>
                      <node id="web" uname="node1"/>
                    </nodes>
                    <resources>
                      <primitive id="web" class="ocf" provider="heartbeat" type="apache"/>
                      <primitive id="web" class="ocf" provider="heartbeat" type="apache"/>
                      <primitive id="opts" class="ocf" provider="heartbeat" type="Dummy"/>
                    </resources>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING)));
    }

    @Test
    void duplicateIdsInsideUnmodelledElementsAreFoundToo() {
        List<Problem> problems = CibValidator.validate(CibXml.parse("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <resources>
                      <bundle id="b">
                        <docker image="x"/>
                        <network><port-mapping id="b" port="80"/></network>
                      </bundle>
                    </resources>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING), "cib.xml"));
        assertEquals(List.of("cib.xml:5:7: error: id \"b\" of <port-mapping> inside <bundle id=\"b\"> is"
                + " already used by <bundle> at cib.xml:5:7"),
                problems.stream().map(Problem::toString).toList());
        assertEquals("b", problems.get(0).elementId());
    }

    @Test
    void constraintsNamingUnknownResourcesOrNodes() {
        List<Problem> found = CibValidator.validate(CibXml.parse("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <nodes><node id="1" uname="node1"/></nodes>
                    <resources>
                      <primitive id="fs" class="ocf" provider="heartbeat" type="Filesystem"/>
                      <clone id="drbd-clone"><primitive id="drbd" class="ocf" provider="linbit" type="drbd"/></clone>
                    </resources>
                    <constraints>
                      <rsc_colocation id="fs_deps" score="INFINITY" rsc="fs" with-rsc="ms_drbd"/>
                      <rsc_order id="fs_after" first="ms_drbd" first-action="promote" then="fs" then-action="start"/>
                      <rsc_location id="fs_pref" rsc="fs" node="node9" score="50"/>
                      <rsc_location id="nope_pref" rsc="nope" node="node1" score="50"/>
                      <rsc_order id="set_order">
                        <resource_set id="set_order-0">
                          <resource_ref id="fs"/>
                          <resource_ref id="ghost"/>
                        </resource_set>
                      </rsc_order>
                      <rsc_ticket id="tkt" rsc="gone" ticket="T"/>
                      <rsc_order id="instances" first="drbd:0" then="fs"/>
                    </constraints>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING), "cib.xml"));
        assertEquals(List.of(
                "cib.xml:10:7: error: colocation \"fs_deps\" refers to unknown resource \"ms_drbd\"",
                "cib.xml:11:7: error: order \"fs_after\" refers to unknown resource \"ms_drbd\"",
                "cib.xml:12:7: warning: location \"fs_pref\" refers to unknown node \"node9\"",
                "cib.xml:13:7: error: location \"nope_pref\" refers to unknown resource \"nope\"",
                "cib.xml:17:11: error: order \"set_order\" refers to unknown resource \"ghost\" in"
                        + " resource set \"set_order-0\"",
                "cib.xml:20:7: error: rsc_ticket \"tkt\" refers to unknown resource \"gone\""),
                found.stream().map(Problem::toString).toList());
        Problem first = found.get(0);
        assertEquals(new Problem(Severity.ERROR, Check.UNKNOWN_RESOURCE, "fs_deps",
                new SourcePosition("cib.xml", 10, 7),
                "colocation \"fs_deps\" refers to unknown resource \"ms_drbd\""), first);
        assertEquals("set_order", found.get(4).elementId(), "set problems name the constraint");
        assertEquals(Check.UNKNOWN_NODE, found.get(2).check());
    }

    @Test
    void tagsTemplatesAndNodesCreatedByResourcesAreKnown() {
        assertEquals(List.of(), problems("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <nodes><node id="1" uname="node1"/></nodes>
                    <resources>
                      <template id="tmpl" class="ocf" provider="heartbeat" type="Dummy"/>
                      <primitive id="d1" template="tmpl"/>
                      <primitive id="remote1" class="ocf" provider="pacemaker" type="remote"/>
                      <primitive id="vm" class="ocf" provider="heartbeat" type="VirtualDomain">
                        <meta_attributes id="vm-meta"><nvpair id="vm-rn" name="remote-node" value="guest1"/></meta_attributes>
                      </primitive>
                      <bundle id="web"><podman image="httpd" replicas="2"/>
                        <primitive id="httpd" class="ocf" provider="heartbeat" type="apache"/></bundle>
                    </resources>
                    <constraints>
                      <rsc_colocation id="c1" score="INFINITY" rsc="tmpl" with-rsc="tagged"/>
                      <rsc_location id="l1" rsc="d1" node="remote1" score="10"/>
                      <rsc_location id="l2" rsc="d1" node="guest1" score="10"/>
                      <rsc_location id="l3" rsc="d1" node="web-1" score="10"/>
                      <rsc_location id="l4" rsc-pattern="^d[0-9]+$" node="node1" score="10"/>
                    </constraints>
                    <tags><tag id="tagged"><obj_ref id="d1"/><obj_ref id="vm"/></tag></tags>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING)));
    }

    @Test
    void impossibleAndIncompleteConstraints() {
        assertEquals(List.of(
                "cib.xml:8:7: error: colocation \"self\" colocates \"fs\" with itself",
                "cib.xml:9:7: error: order \"loop\" orders start of \"fs\" after itself",
                "cib.xml:11:7: error: colocation \"half\" needs rsc and with-rsc, or resource sets",
                "cib.xml:12:7: error: location \"where\" has neither node and score nor a rule",
                "cib.xml:13:7: error: location \"bad-pattern\" has an invalid rsc-pattern \"fs(\":"
                        + " Unclosed group",
                "cib.xml:14:7: error: rsc_ticket \"no-ticket\" names no ticket"),
                problems("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <nodes><node id="1" uname="node1"/></nodes>
                    <resources><primitive id="fs" class="ocf" provider="heartbeat" type="Filesystem"/></resources>
                    <constraints>
                      <rsc_order id="promote-after-start" first="fs" then="fs" then-action="promote"/>
                      <rsc_colocation id="self" score="INFINITY" rsc="fs" with-rsc="fs"/>
                      <rsc_order id="loop" first="fs" then="fs"/>
                      <rsc_colocation id="set" score="INFINITY"><resource_set id="s"><resource_ref id="fs"/></resource_set></rsc_colocation>
                      <rsc_colocation id="half" score="INFINITY" rsc="fs"/>
                      <rsc_location id="where" rsc="fs"/>
                      <rsc_location id="bad-pattern" rsc-pattern="fs(" node="node1" score="1"/>
                      <rsc_ticket id="no-ticket" rsc="fs"/>
                    </constraints>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING)));
    }

    @Test
    void groupsClonesAndBundlesMustContainWhatPacemakerAccepts() {
        assertEquals(List.of(
                "cib.xml:7:9: error: group \"g\" may only contain primitives, not clone \"c-in-g\"",
                "cib.xml:9:7: warning: group \"empty\" has no members and will be ignored",
                "cib.xml:10:7: error: clone \"nothing\" has nothing to clone",
                "cib.xml:13:9: error: clone \"two\" may contain only one resource; Pacemaker clones"
                        + " \"p2\" and ignores primitive \"p3\"",
                "cib.xml:16:9: error: master \"ms\" may only contain a primitive or a group, not"
                        + " clone \"inner\"",
                "cib.xml:18:7: error: bundle \"b\" has no container (docker, podman or rkt)"),
                problems("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <resources>
                      <group id="g">
                        <primitive id="p1" class="lsb" type="p1"/>
                        <clone id="c-in-g"><primitive id="p1c" class="lsb" type="p1c"/></clone>
                      </group>
                      <group id="empty"/>
                      <clone id="nothing"/>
                      <clone id="two">
                        <primitive id="p2" class="lsb" type="p2"/>
                        <primitive id="p3" class="lsb" type="p3"/>
                      </clone>
                      <master id="ms">
                        <clone id="inner"><primitive id="p4" class="lsb" type="p4"/></clone>
                      </master>
                      <bundle id="b"/>
                    </resources>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING)));
    }

    @Test
    void primitivesNeedAnAgent() {
        assertEquals(List.of(
                "cib.xml:5:7: error: primitive \"no-type\" has no agent: set class and type, or template",
                "cib.xml:6:7: error: primitive \"no-provider\" has class ocf but no provider",
                "cib.xml:7:7: error: primitive \"bad-template\" refers to unknown template \"nope\"",
                "cib.xml:8:7: error: primitive \"me\" refers to itself as template"),
                problems("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <resources>
                      <primitive id="no-type" class="lsb"/>
                      <primitive id="no-provider" class="ocf" type="Dummy"/>
                      <primitive id="bad-template" template="nope"/>
                      <primitive id="me" template="me"/>
                    </resources>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING)));
    }

    @Test
    void otherReferencesMustResolve() {
        assertEquals(List.of(
                "cib.xml:5:46: error: <meta_attributes> refers to unknown id \"nowhere\" (id-ref)",
                "cib.xml:8:23: warning: fencing-level \"fl\" refers to unknown device \"ipmi-2\"",
                "cib.xml:10:30: error: acl_target \"alice\" refers to unknown role \"admin\"",
                "cib.xml:11:25: error: acl_permission \"p\" refers to unknown id \"gone\"",
                "cib.xml:13:23: warning: tag \"t\" refers to unknown id \"missing\""),
                problems("""
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    %s
                    <resources>
                      <primitive id="d" class="lsb" type="d"><meta_attributes id-ref="nowhere"/></primitive>
                      <primitive id="ipmi-1" class="stonith" type="fence_ipmilan"/>
                    </resources>
                    <fencing-topology><fencing-level id="fl" target="node1" index="1" devices="ipmi-1,ipmi-2"/></fencing-topology>
                    <acls>
                      <acl_target id="alice"><role id="admin"/></acl_target>
                      <acl_role id="ro"><acl_permission id="p" kind="read" reference="gone"/></acl_role>
                    </acls>
                    <tags><tag id="t"><obj_ref id="missing"/><obj_ref id="d"/></tag></tags>
                  </configuration>
                </cib>
                """.formatted(NO_FENCING)));
    }

    @Test
    void aCibWithoutConfigurationIsAnError() {
        assertEquals(List.of("cib.xml:2:1: error: <cib> has no <configuration>"),
                problems("<!-- empty -->\n<cib admin_epoch=\"0\" epoch=\"0\" num_updates=\"0\"><status/></cib>"));
    }
}
