package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

/**
 * What crm shell 4.4.1 writes into the CIB for each construct (learned by loading the same text
 * with {@code crm configure load update} into an empty file-backed CIB), asserted on ours.
 */
class CrmshCompatibilityTest {

    private static String xml(String crm) {
        String xml = CibXml.toXml(CrmConfigure.parse(crm, "t.crm").cib());
        Matcher body = Pattern.compile("<configuration>(.*)</configuration>", Pattern.DOTALL)
                .matcher(xml);
        return body.find() ? body.group(1).replaceAll(">\\s+<", "><").strip() : xml;
    }

    private static String section(String crm, String element) {
        Matcher inner = Pattern.compile("<" + element + ">(.*)</" + element + ">").matcher(xml(crm));
        return inner.find() ? inner.group(1) : "";
    }

    @Test
    void primitiveSetsAndOperationsGetCrmIds() {
        assertEquals("<primitive id=\"p\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
                + "<instance_attributes id=\"p-instance_attributes\">"
                + "<nvpair id=\"p-instance_attributes-a\" name=\"a\" value=\"x y\"/>"
                + "</instance_attributes><operations>"
                // crm writes interval="0" for one-shot operations and names ops rsc-name-interval
                + "<op id=\"p-start-0\" name=\"start\" interval=\"0\" timeout=\"60\"/>"
                + "<op id=\"p-monitor-10s\" name=\"monitor\" interval=\"10s\" role=\"Master\">"
                // OCF_CHECK_LEVEL is an agent parameter: crm moves it into op params
                + "<instance_attributes id=\"p-monitor-10s-instance_attributes\">"
                + "<nvpair id=\"p-monitor-10s-instance_attributes-OCF_CHECK_LEVEL\""
                + " name=\"OCF_CHECK_LEVEL\" value=\"10\"/></instance_attributes></op>"
                + "</operations></primitive>",
                section("primitive p Dummy params a=\"x y\" op start timeout=60"
                        + " op monitor interval=10s role=Master OCF_CHECK_LEVEL=10", "resources"));
    }

    @Test
    void msIsTheLegacyMasterElementAndResourcesGoInByKind() {
        // crm writes templates, primitives, bundles, groups, ms, clones, each in text order
        assertEquals("<template id=\"t\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"
                + "<primitive id=\"z\" class=\"lsb\" type=\"z\"/>"
                + "<primitive id=\"d\" class=\"lsb\" type=\"d\"/>"
                + "<group id=\"g\"><primitive id=\"a\" class=\"lsb\" type=\"x\"/>"
                + "<primitive id=\"c\" class=\"lsb\" type=\"y\"/></group>"
                + "<master id=\"ms\"><meta_attributes id=\"ms-meta_attributes\">"
                + "<nvpair id=\"ms-meta_attributes-notify\" name=\"notify\" value=\"true\"/>"
                + "</meta_attributes><primitive id=\"b\" class=\"ocf\" provider=\"linbit\""
                + " type=\"drbd\"/></master>",
                section("primitive z lsb:z\nprimitive b ocf:linbit:drbd\nprimitive c lsb:y\n"
                        + "primitive a lsb:x\nms ms b meta notify=true\ngroup g a c\n"
                        + "rsc_template t Dummy\nprimitive d lsb:d", "resources"));
    }

    @Test
    void scoresKindsAndRoles() {
        assertEquals("<rsc_location id=\"l1\" rsc=\"r\" score=\"+INFINITY\" node=\"n\"/>"
                + "<rsc_colocation id=\"c1\" score=\"-INFINITY\" rsc=\"r\" with-rsc=\"m\""
                + " with-rsc-role=\"Master\"/>"
                // crm turns order scores into kinds: 0 is Optional, anything else Mandatory
                + "<rsc_order id=\"o1\" kind=\"Mandatory\" first=\"m\" then=\"r\""
                + " first-action=\"promote\" then-action=\"start\"/>"
                + "<rsc_order id=\"o2\" kind=\"Optional\" first=\"m\" then=\"r\"/>"
                + "<rsc_order id=\"o3\" symmetrical=\"false\" kind=\"Mandatory\" first=\"m\""
                + " then=\"r\"/>",
                section("location l1 r +inf: n\ncolocation c1 -inf: r m:master\n"
                        + "order o1 inf: m:promote r:start\norder o2 0: m r\n"
                        + "order o3 100: m r symmetrical=no", "constraints"));
    }

    @Test
    void sectionsAndConstraintsInCrmOrder() {
        String xml = xml("alert al /x.sh to /tmp/a\nacl_target joe r1\nrole r1 read cib\n"
                + "op_defaults timeout=30\nrsc_defaults resource-stickiness=1\n"
                + "rsc_ticket tk T: a\nfencing_topology n1: a\norder o1 a f\n"
                + "colocation co inf: a f\nlocation l1 a 100: n1\ntag tg a f\n"
                + "primitive a Dummy\nprimitive f Dummy\nproperty stonith-enabled=false");
        Matcher element = Pattern.compile("<(crm_config|nodes|resources|constraints|tags"
                + "|fencing-topology|rsc_defaults|op_defaults|acls|alerts|rsc_\\w+)[ >/]")
                .matcher(xml);
        List<String> order = new ArrayList<>();
        while (element.find()) {
            order.add(element.group(1));
        }
        // tickets go after the other constraints, which stay in text order
        assertEquals(List.of("crm_config", "nodes", "resources", "constraints", "rsc_order",
                "rsc_colocation", "rsc_location", "rsc_ticket", "tags", "fencing-topology",
                "rsc_defaults", "op_defaults", "acls", "alerts"), order);
    }

    @Test
    void resourceSetsAreNumberedFromZero() {
        assertEquals("<rsc_colocation id=\"c\" score=\"INFINITY\">"
                + "<resource_set id=\"c-0\" sequential=\"false\"><resource_ref id=\"a\"/>"
                + "<resource_ref id=\"b\"/></resource_set>"
                + "<resource_set id=\"c-1\" role=\"Master\"><resource_ref id=\"m\"/>"
                + "</resource_set></rsc_colocation>"
                + "<rsc_order id=\"o\" kind=\"Mandatory\">"
                + "<resource_set id=\"o-0\" sequential=\"false\" require-all=\"false\">"
                + "<resource_ref id=\"a\"/><resource_ref id=\"b\"/></resource_set>"
                + "<resource_set id=\"o-1\"><resource_ref id=\"m\"/><resource_ref id=\"x\"/>"
                + "</resource_set></rsc_order>",
                section("colocation c inf: (a b) m:Master\norder o Mandatory: [ a b ] m x",
                        "constraints"));
    }

    @Test
    void rulesAndExpressionIds() {
        assertEquals("<rsc_location id=\"l\" rsc=\"r\">"
                + "<rule id=\"my-rule\" role=\"Master\" score=\"-INFINITY\">"
                + "<expression id=\"my-rule-expression\" attribute=\"#uname\" operation=\"ne\""
                + " value=\"n1\"/>"
                + "<expression id=\"my-rule-expression-0\" attribute=\"pingd\" operation=\"lte\""
                + " value=\"0\" type=\"number\"/></rule>"
                + "<rule id=\"l-rule\" boolean-op=\"or\" score-attribute=\"pingd\">"
                + "<expression id=\"l-rule-expression\" attribute=\"pingd\""
                + " operation=\"not_defined\"/>"
                + "<date_expression id=\"l-rule-expression-0\" operation=\"date_spec\">"
                + "<date_spec id=\"l-rule-expression-0-date_spec\" hours=\"9-17\""
                + " weekdays=\"1-5\"/></date_expression></rule></rsc_location>",
                section("location l r rule $id=my-rule $role=Master -inf: #uname ne n1 and pingd"
                        + " number:lte 0 rule pingd: not_defined pingd or date spec hours=9-17"
                        + " weekdays=1-5", "constraints"));
    }

    @Test
    void nodesPropertiesAndDefaults() {
        assertEquals("<crm_config><cluster_property_set id=\"cluster\">"
                + "<nvpair id=\"cluster-stonith-enabled\" name=\"stonith-enabled\" value=\"false\"/>"
                + "</cluster_property_set></crm_config>"
                + "<nodes><node id=\"1\" uname=\"alice\"><instance_attributes"
                + " id=\"1-instance_attributes\"><nvpair id=\"1-instance_attributes-standby\""
                + " name=\"standby\" value=\"on\"/></instance_attributes></node>"
                + "<node id=\"bob\" uname=\"bob\" type=\"remote\"/></nodes>"
                + "<resources/><constraints/>"
                + "<rsc_defaults><meta_attributes id=\"rsc-options\"><nvpair"
                + " id=\"rsc-options-resource-stickiness\" name=\"resource-stickiness\""
                + " value=\"100\"/></meta_attributes></rsc_defaults>"
                + "<op_defaults><meta_attributes id=\"op-options\"><nvpair"
                + " id=\"op-options-timeout\" name=\"timeout\" value=\"30s\"/></meta_attributes>"
                + "</op_defaults>",
                xml("node $id=\"1\" alice attributes standby=on\nnode bob:remote\n"
                        + "property cluster: stonith-enabled=false\n"
                        + "rsc_defaults resource-stickiness=100\nop_defaults timeout=30s"));
    }
}
