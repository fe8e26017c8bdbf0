package org.halyard.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a large, plausible CIB: nodes x resources in groups of four and standalone primitives,
 * location rules, colocations and orders between groups, and a steady-state status section in
 * which every resource runs (start + recurring monitor recorded) on the node it was placed on.
 * Deterministic for a given seed, so runs compare. The recorded operation digests are the real
 * ones, so a scheduler sees no definition change; colocated groups are placed together, so the
 * steady state is steady.
 */
public final class SyntheticCib {

    /** Which status section to write. */
    public enum Scenario {
        /** Every node online, no resource history: the initial placement. */
        INITIAL,
        /** Every resource running where it belongs. */
        STEADY,
        /** As STEADY, but the first node has left the cluster. */
        NODE_DOWN
    }

    static final int GROUP_SIZE = 4;

    private final int nodes;
    private final int resources;
    private final Random random;

    public SyntheticCib(int nodes, int resources, long seed) {
        if (nodes < 1 || resources < 1) {
            throw new IllegalArgumentException("need at least one node and one resource");
        }
        this.nodes = nodes;
        this.resources = resources;
        this.random = new Random(seed);
    }

    private Scenario scenario = Scenario.STEADY;

    public Path write(Path file) throws IOException {
        return write(file, Scenario.STEADY);
    }

    public Path write(Path file, Scenario what) throws IOException {
        scenario = what;
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            writeCib(xml);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String node(int i) {
        return "node" + (i + 1);
    }

    private int groupCount() {
        return resources / 2 / GROUP_SIZE;
    }

    /** The node a group prefers: every tenth group shares the node of the one it is colocated with. */
    private int groupNode(int g) {
        return (g % 10 == 1 ? g - 1 : g) % nodes;
    }

    /** Where resource r runs in the steady state: groups and their members stay together. */
    private int placement(int r) {
        int grouped = groupCount() * GROUP_SIZE;
        return r < grouped ? groupNode(r / GROUP_SIZE) : r % nodes;
    }

    private void writeCib(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("cib");
        attrs(x, "admin_epoch", "0", "epoch", "100", "num_updates", "0", "validate-with", "pacemaker-3.9",
                "crm_feature_set", "3.16.1", "have-quorum", "1", "dc-uuid", "1");
        x.writeStartElement("configuration");
        writeCrmConfig(x);
        x.writeStartElement("nodes");
        for (int n = 0; n < nodes; n++) {
            empty(x, "node", "id", String.valueOf(n + 1), "uname", node(n));
        }
        x.writeEndElement();
        writeResources(x);
        writeConstraints(x);
        x.writeStartElement("rsc_defaults");
        x.writeStartElement("meta_attributes");
        attrs(x, "id", "rsc-options");
        empty(x, "nvpair", "id", "rsc-options-stickiness", "name", "resource-stickiness", "value", "100");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        writeStatus(x);
        x.writeEndElement();
        x.writeEndDocument();
    }

    private void writeCrmConfig(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("crm_config");
        x.writeStartElement("cluster_property_set");
        attrs(x, "id", "cib-bootstrap-options");
        empty(x, "nvpair", "id", "opt-stonith", "name", "stonith-enabled", "value", "false");
        empty(x, "nvpair", "id", "opt-quorum", "name", "no-quorum-policy", "value", "stop");
        x.writeEndElement();
        x.writeEndElement();
    }

    private void writeResources(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("resources");
        int r = 0;
        for (int g = 0; g < groupCount(); g++) {
            x.writeStartElement("group");
            attrs(x, "id", "grp" + g);
            for (int m = 0; m < GROUP_SIZE; m++) {
                primitive(x, r++);
            }
            x.writeEndElement();
        }
        while (r < resources) {
            primitive(x, r++);
        }
        x.writeEndElement();
    }

    private static void primitive(XMLStreamWriter x, int r) throws XMLStreamException {
        String id = "rsc" + r;
        x.writeStartElement("primitive");
        attrs(x, "id", id, "class", "ocf", "provider", "heartbeat", "type", "Dummy");
        x.writeStartElement("instance_attributes");
        attrs(x, "id", id + "-params");
        empty(x, "nvpair", "id", id + "-state", "name", "state", "value", stateFile(id));
        x.writeEndElement();
        x.writeStartElement("operations");
        empty(x, "op", "id", id + "-monitor-10s", "name", "monitor", "interval", "10s", "timeout", "20s");
        x.writeEndElement();
        x.writeEndElement();
    }

    private void writeConstraints(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("constraints");
        int groups = groupCount();
        for (int g = 0; g < groups; g++) {
            // each group prefers "its" node through a rule on #uname, as admins write it
            x.writeStartElement("rsc_location");
            attrs(x, "id", "loc-grp" + g, "rsc", "grp" + g);
            x.writeStartElement("rule");
            attrs(x, "id", "loc-grp" + g + "-rule", "score", String.valueOf(50 + random.nextInt(50)));
            empty(x, "expression", "id", "loc-grp" + g + "-expr", "attribute", "#uname", "operation", "eq",
                    "value", node(groupNode(g)));
            x.writeEndElement();
            x.writeEndElement();
            if (g % 10 == 1) {
                empty(x, "rsc_colocation", "id", "col-grp" + g, "rsc", "grp" + g, "with-rsc", "grp" + (g - 1),
                        "score", "INFINITY");
                empty(x, "rsc_order", "id", "ord-grp" + g, "first", "grp" + (g - 1), "then", "grp" + g,
                        "kind", "Mandatory");
            }
        }
        x.writeEndElement();
    }

    private void writeStatus(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("status");
        for (int n = 0; n < nodes; n++) {
            boolean down = scenario == Scenario.NODE_DOWN && n == 0;
            x.writeStartElement("node_state");
            attrs(x, "id", String.valueOf(n + 1), "uname", node(n), "in_ccm", down ? "false" : "true",
                    "crmd", down ? "offline" : "online", "crm-debug-origin", "do_update_resource",
                    "join", down ? "down" : "member", "expected", down ? "down" : "member");
            x.writeStartElement("lrm");
            attrs(x, "id", String.valueOf(n + 1));
            x.writeStartElement("lrm_resources");
            for (int r = 0; r < resources && scenario != Scenario.INITIAL; r++) {
                if (placement(r) == n) {
                    history(x, r, n);
                }
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void history(XMLStreamWriter x, int r, int n) throws XMLStreamException {
        String id = "rsc" + r;
        x.writeStartElement("lrm_resource");
        attrs(x, "id", id, "class", "ocf", "provider", "heartbeat", "type", "Dummy");
        String state = "state=\"" + stateFile(id) + "\"";
        op(x, id, id + "_last_0", "start", "0", 3, n, digest(state));
        op(x, id, id + "_monitor_10000", "monitor", "10000", 4, n,
                digest("CRM_meta_timeout=\"20000\" " + state));
        x.writeEndElement();
    }

    private static String stateFile(String id) {
        return "/run/halyard/" + id + ".state";
    }

    /** Pacemaker's operation digest: MD5 of the sorted parameters as one XML element. */
    private static String digest(String sortedAttributes) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(
                    (" <parameters " + sortedAttributes + "/>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    private static void op(XMLStreamWriter x, String rsc, String id, String task, String interval, int callId, int n,
            String digest) throws XMLStreamException {
        empty(x, "lrm_rsc_op", "id", id, "operation_key", rsc + "_" + task + "_" + interval, "operation", task,
                "crm-debug-origin", "do_update_resource", "crm_feature_set", "3.16.1",
                "transition-key", callId + ":0:0:00000000-0000-0000-0000-000000000000",
                "transition-magic", "0:0;" + callId + ":0:0:00000000-0000-0000-0000-000000000000",
                "exit-reason", "", "on_node", node(n), "call-id", String.valueOf(callId), "rc-code", "0",
                "op-status", "0", "interval", interval, "last-rc-change", "1700000000", "exec-time", "12",
                "queue-time", "0", "op-digest", digest);
    }

    private static void empty(XMLStreamWriter x, String name, String... attributes) throws XMLStreamException {
        x.writeEmptyElement(name);
        attrs(x, attributes);
    }

    private static void attrs(XMLStreamWriter x, String... nameValues) throws XMLStreamException {
        for (int i = 0; i < nameValues.length; i += 2) {
            x.writeAttribute(nameValues[i], nameValues[i + 1]);
        }
    }
}
