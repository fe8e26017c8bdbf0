package org.halyard.crmsh.printer;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.xml.namespace.QName;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.attributes.Utilization;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;

/** {@code node}, {@code primitive}/{@code rsc_template}, {@code group}, {@code ms}, {@code clone}. */
final class ResourcePrinter {

    private final List<String> notShown;

    ResourcePrinter(List<String> notShown) {
        this.notShown = notShown;
    }

    /** {@code node [<id>: ]<uname>[:<type>]} with attributes and utilization. */
    Lines node(Node node) {
        String uname = node.getUname() == null ? node.getId() : node.getUname();
        String head = node.getId() != null && !node.getId().equals(uname)
                ? "node " + node.getId() + ": " + uname : "node " + uname;
        if (node.getType() != null && !node.getType().equals("member")) {
            head += ":" + node.getType();
        }
        Lines lines = new Lines(head);
        description(lines, node.getDescription());
        for (InstanceAttributes set : node.instanceAttributes()) {
            set(lines, "attributes", set, node.getId() + "-instance_attributes");
        }
        for (Utilization set : node.utilizations()) {
            set(lines, "utilization", set, node.getId() + "-utilization");
        }
        return lines;
    }

    /** {@code primitive <id> <class:provider:type>|@template} + params, meta, utilization, ops. */
    Lines agent(AgentResource resource) {
        String keyword = resource instanceof Primitive ? "primitive" : "rsc_template";
        Lines lines = new Lines(keyword + " " + resource.getId());
        if (resource instanceof Primitive primitive && primitive.getTemplate() != null) {
            lines.word("@" + primitive.getTemplate());
        } else {
            lines.word(resource.agent());
        }
        description(lines, resource.getDescription());
        String id = resource.getId();
        // crm's order: params, meta, utilization, then the operations
        resource.instanceAttributes().forEach(set -> set(lines, "params", set,
                id + "-instance_attributes"));
        resource.metaAttributes().forEach(set -> set(lines, "meta", set, id + "-meta_attributes"));
        resource.utilizations().forEach(set -> set(lines, "utilization", set, id + "-utilization"));
        resource.operations().ifPresent(operations -> {
            if (operations.getIdRef() != null) {
                lines.line("operations $id-ref=" + operations.getIdRef());
            } else if (operations.getId() != null) {
                lines.line("operations $id=" + operations.getId());
            }
        });
        for (Operation op : resource.operationList()) {
            operation(lines, op);
        }
        return lines;
    }

    private void operation(Lines lines, Operation op) {
        StringJoiner words = new StringJoiner(" ");
        words.add("op").add(op.getName());
        add(words, "interval", op.getInterval());
        add(words, "timeout", op.getTimeout());
        add(words, "role", op.getRole());
        add(words, "on-fail", op.getOnFail());
        add(words, "start-delay", op.getStartDelay());
        add(words, "interval-origin", op.getIntervalOrigin());
        add(words, "enabled", op.getEnabled());
        add(words, "record-pending", op.getRecordPending());
        add(words, "description", op.getDescription());
        for (Map.Entry<QName, String> other : op.otherAttributes().entrySet()) {
            add(words, other.getKey().getLocalPart(), other.getValue());
        }
        lines.line(words.toString());
        for (InstanceAttributes set : op.instanceAttributes()) {
            set(lines, "op_params", set, op.getId() + "-instance_attributes");
        }
        for (MetaAttributes set : op.metaAttributes()) {
            set(lines, "op_meta", set, op.getId() + "-meta_attributes");
        }
    }

    /** {@code group <id> <member>...}, {@code ms <id> <child>}, {@code clone <id> <child>}. */
    Lines container(Resource container, String keyword) {
        Lines lines = new Lines(keyword + " " + container.getId());
        for (Resource member : container.members()) {
            lines.word(member.getId());
        }
        description(lines, container.getDescription());
        String id = container.getId();
        container.metaAttributes().forEach(set -> set(lines, "meta", set, id + "-meta_attributes"));
        container.instanceAttributes().forEach(set -> set(lines, "params", set,
                id + "-instance_attributes"));
        return lines;
    }

    private static void description(Lines lines, String description) {
        if (description != null) {
            lines.line(Values.pair("description", description));
        }
    }

    /** {@code <keyword> [$id=<id>] name=value...}; the id only when it is not the usual one. */
    private void set(Lines lines, String keyword, AttributeSet set, String usualId) {
        String words = SetWords.of(keyword, set, usualId, notShown);
        if (words != null) {
            lines.line(words);
        }
    }

    private static void add(StringJoiner words, String name, String value) {
        if (value != null) {
            words.add(Values.pair(name, value));
        }
    }
}
