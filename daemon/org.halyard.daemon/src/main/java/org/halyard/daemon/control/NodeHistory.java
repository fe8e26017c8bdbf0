package org.halyard.daemon.control;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What one node knows about itself: the history of every resource it ran or probed and its
 * transient attributes (fail counts, promotion scores, shutdown). The node owns it and
 * broadcasts it whole after every change, so every member holds the same picture and a new DC
 * needs no extra round to learn it. On the wire it is Pacemaker's {@code node_state} element.
 */
public record NodeHistory(String node, long nodeid, Map<String, ResourceRecord> resources,
        Map<String, String> attributes) {

    public NodeHistory {
        resources = Map.copyOf(resources);
        attributes = Map.copyOf(attributes);
    }

    public static NodeHistory empty(String node, long nodeid) {
        return new NodeHistory(node, nodeid, Map.of(), Map.of());
    }

    public NodeHistory withResource(ResourceRecord record) {
        Map<String, ResourceRecord> copy = new LinkedHashMap<>(resources);
        copy.put(record.id(), record);
        return new NodeHistory(node, nodeid, copy, attributes);
    }

    public NodeHistory withoutResource(String id) {
        Map<String, ResourceRecord> copy = new LinkedHashMap<>(resources);
        copy.remove(id);
        return new NodeHistory(node, nodeid, copy, attributes);
    }

    /** Sets (value non-null) or removes (null) a transient attribute. */
    public NodeHistory withAttribute(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new NodeHistory(node, nodeid, resources, copy);
    }

    /** The {@code node_state} element; membership fields are the caller's, they are not ours to know. */
    public String toXml(String inCcm, String crmd, String join, String expected) {
        StringBuilder xml = new StringBuilder();
        xml.append("<node_state id=\"").append(nodeid).append("\" uname=\"").append(esc(node))
                .append("\" in_ccm=\"").append(inCcm).append("\" crmd=\"").append(crmd).append("\" join=\"")
                .append(join).append("\" expected=\"").append(expected).append("\" crm-debug-origin=\"halyard\">");
        if (!attributes.isEmpty()) {
            xml.append("<transient_attributes id=\"").append(nodeid).append("\"><instance_attributes id=\"status-")
                    .append(nodeid).append("\">");
            new TreeMap<>(attributes).forEach((name, value) -> xml.append("<nvpair id=\"status-").append(nodeid)
                    .append('-').append(esc(name)).append("\" name=\"").append(esc(name)).append("\" value=\"")
                    .append(esc(value)).append("\"/>"));
            xml.append("</instance_attributes></transient_attributes>");
        }
        xml.append("<lrm id=\"").append(nodeid).append("\"><lrm_resources>");
        for (ResourceRecord rsc : resources.values()) {
            xml.append("<lrm_resource id=\"").append(esc(rsc.id())).append("\" class=\"").append(esc(rsc.agentClass()))
                    .append('"');
            if (rsc.provider() != null) {
                xml.append(" provider=\"").append(esc(rsc.provider())).append('"');
            }
            xml.append(" type=\"").append(esc(rsc.type())).append("\">");
            rsc.operations().values().stream().sorted(java.util.Comparator.comparingLong(OperationRecord::callId))
                    .forEach(op -> appendOperation(xml, rsc.id(), op));
            xml.append("</lrm_resource>");
        }
        return xml.append("</lrm_resources></lrm></node_state>").toString();
    }

    private void appendOperation(StringBuilder xml, String rsc, OperationRecord op) {
        xml.append("<lrm_rsc_op id=\"").append(esc(op.id())).append("\" operation_key=\"").append(esc(op.key(rsc)))
                .append("\" operation=\"").append(op.operation()).append("\" crm-debug-origin=\"halyard\"")
                .append(" crm_feature_set=\"3.16.2\" transition-key=\"0:0:").append(op.expectedRc())
                .append(":halyard\" on_node=\"").append(esc(node))
                .append("\" call-id=\"").append(op.callId()).append("\" rc-code=\"").append(op.rc())
                .append("\" op-status=\"").append(op.opStatus()).append("\" interval=\"").append(op.intervalMs())
                .append("\" last-rc-change=\"").append(op.lastRcChange()).append("\" exec-time=\"")
                .append(op.execMs()).append("\" queue-time=\"0\"");
        if (op.exitReason() != null) {
            xml.append(" exit-reason=\"").append(esc(op.exitReason())).append('"');
        }
        if (op.digest() != null) {
            xml.append(" op-digest=\"").append(op.digest()).append('"');
        }
        if (op.migrateSource() != null) {
            xml.append(" migrate_source=\"").append(esc(op.migrateSource())).append("\" migrate_target=\"")
                    .append(esc(op.migrateTarget())).append('"');
        }
        xml.append("/>");
    }

    /** Reads a {@code node_state} written by {@link #toXml}; what it does not know it ignores. */
    public static NodeHistory parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, ResourceRecord> resources = new LinkedHashMap<>();
            for (Element pair : elements(root, "nvpair")) {
                attributes.put(pair.getAttribute("name"), pair.getAttribute("value"));
            }
            for (Element rsc : elements(root, "lrm_resource")) {
                Map<String, OperationRecord> ops = new LinkedHashMap<>();
                for (Element op : elements(rsc, "lrm_rsc_op")) {
                    ops.put(op.getAttribute("id"), new OperationRecord(op.getAttribute("id"),
                            op.getAttribute("operation"), Long.parseLong(op.getAttribute("interval")),
                            Integer.parseInt(op.getAttribute("rc-code")), Integer.parseInt(op.getAttribute("op-status")),
                            Long.parseLong(op.getAttribute("call-id")), Long.parseLong(op.getAttribute("last-rc-change")),
                            Long.parseLong(op.getAttribute("exec-time")), optional(op, "exit-reason"),
                            optional(op, "op-digest"), expectedRc(op.getAttribute("transition-key")),
                            optional(op, "migrate_source"), optional(op, "migrate_target")));
                }
                resources.put(rsc.getAttribute("id"), new ResourceRecord(rsc.getAttribute("id"),
                        rsc.getAttribute("class"), optional(rsc, "provider"), rsc.getAttribute("type"), ops));
            }
            return new NodeHistory(root.getAttribute("uname"), Long.parseLong(root.getAttribute("id")), resources,
                    attributes);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a node_state this daemon can read: " + e.getMessage(), e);
        }
    }

    /** The target rc of a transition key "action:transition:target-rc:uuid"; 0 when absent. */
    private static int expectedRc(String transitionKey) {
        String[] parts = transitionKey.split(":");
        return parts.length == 4 ? Integer.parseInt(parts[2]) : 0;
    }

    private static java.util.List<Element> elements(Element parent, String name) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        org.w3c.dom.NodeList list = parent.getElementsByTagName(name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getNodeType() == Node.ELEMENT_NODE) {
                found.add((Element) list.item(i));
            }
        }
        return found;
    }

    private static String optional(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
