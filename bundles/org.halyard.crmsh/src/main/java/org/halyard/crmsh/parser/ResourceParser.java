package org.halyard.crmsh.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.attributes.Utilization;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Operations;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Template;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;
import org.halyard.crmsh.syntax.Words;

/** {@code primitive}, {@code rsc_template}, {@code group}, {@code clone} and {@code ms}. */
final class ResourceParser {

    static final Set<String> AGENT_CLASSES = Set.of("ocf", "lsb", "service", "systemd", "stonith",
            "upstart", "nagios", "heartbeat");

    /** Operation attributes of the CIB schema; anything else is a typo crm would not catch. */
    private static final Set<String> OP_ATTRIBUTES = Set.of("interval", "timeout", "role",
            "on-fail", "start-delay", "interval-origin", "enabled", "record-pending",
            "description", "requires");

    private final ConfigurationBuilder builder;

    ResourceParser(ConfigurationBuilder builder) {
        this.builder = builder;
    }

    /** {@code primitive <id> {[class:[provider:]]type | @template} [params] [meta] [op]...}. */
    void agentResource(TokenCursor cursor, boolean template) {
        String kind = template ? "rsc_template" : "primitive";
        Token idToken = cursor.peek();
        String id = Ids.expect(cursor, kind);
        AgentResource resource = template ? new Template() : new Primitive();
        resource.setId(id);
        builder.define(idToken, id, kind);
        Token agent = cursor.expectWord("a resource agent (class:provider:type"
                + (template ? ")" : " or @template)"));
        if (!template && agent.text().startsWith("@")) {
            ((Primitive) resource).setTemplate(Ids.require(new Token(agent.text().substring(1),
                    agent.raw(), agent.position()), "template"));
        } else {
            setAgent(resource, agent);
        }
        String owner = kind + " \"" + id + "\"";
        if (cursor.peek() != null && cursor.peek().pairName().equalsIgnoreCase("description")) {
            resource.setDescription(cursor.next().pairValue());
        }
        if (cursor.peek() != null && cursor.peek().isPair()) {
            // crm allows the params keyword to be left out right after the agent
            resource.add(AttributeLists.read(cursor, builder, new InstanceAttributes(),
                    id + "-instance_attributes", "params of " + owner, false));
        }
        Operation lastOp = null;
        while (!cursor.atEnd()) {
            Token keyword = cursor.next();
            switch (TokenCursor.keyword(keyword)) {
                case "params" -> resource.add(AttributeLists.read(cursor, builder,
                        new InstanceAttributes(), id + "-instance_attributes", "params of " + owner,
                        false));
                case "meta" -> resource.add(AttributeLists.read(cursor, builder,
                        new MetaAttributes(), id + "-meta_attributes", "meta of " + owner, false));
                case "utilization" -> resource.add(AttributeLists.read(cursor, builder,
                        new Utilization(), id + "-utilization", "utilization of " + owner, false));
                case "operations" -> operationsId(cursor, keyword, operations(resource));
                case "op" -> lastOp = operation(cursor, resource);
                case "op_params", "op_meta" -> {
                    if (lastOp == null) {
                        throw TokenCursor.at(keyword, keyword.text() + " must follow an op");
                    }
                    boolean params = TokenCursor.keyword(keyword).equals("op_params");
                    lastOp.add(AttributeLists.read(cursor, builder,
                            params ? new InstanceAttributes() : new MetaAttributes(),
                            lastOp.getId() + (params ? "-instance_attributes" : "-meta_attributes"),
                            keyword.text() + " of op " + lastOp.getName() + " of " + owner,
                            false));
                }
                default -> {
                    cursor.back();
                    throw cursor.expected("params, meta, utilization or op");
                }
            }
        }
        builder.addResource(resource);
    }

    /** {@code operations $id=<id>} names the section; {@code $id-ref=<id>} reuses another's. */
    private void operationsId(TokenCursor cursor, Token keyword, Operations operations) {
        Token spec = cursor.peek();
        if (spec == null || !(spec.pairName().equals("$id") || spec.pairName().equals("$id-ref"))) {
            throw cursor.expected("$id=<id> or $id-ref=<id> of the operations");
        }
        cursor.next();
        String id = Ids.require(new Token(spec.pairValue(), spec.raw(), spec.position()),
                "operations");
        if (spec.pairName().equals("$id-ref")) {
            operations.setIdRef(id);
        } else {
            builder.define(keyword, id, "operations");
            operations.setId(id);
        }
    }

    private static Operations operations(AgentResource resource) {
        return resource.operations().orElseGet(() -> {
            Operations operations = new Operations();
            resource.setOperations(operations);
            return operations;
        });
    }

    /** {@code class:provider:type}, {@code class:type} or {@code type} (ocf:heartbeat, as crm). */
    private static void setAgent(AgentResource resource, Token agent) {
        String[] parts = agent.text().split(":", -1);
        boolean wellFormed = parts.length <= 3;
        for (String part : parts) {
            wellFormed &= part.matches("[A-Za-z0-9_.+/@-]+"); // stonith:external/sbd
        }
        if (!wellFormed) {
            throw TokenCursor.at(agent, "expected a resource agent (class:provider:type), found "
                    + Words.shorten(agent.raw()));
        }
        String agentClass = parts.length == 1 ? "ocf" : parts[0];
        if (!AGENT_CLASSES.contains(agentClass)) {
            throw TokenCursor.at(agent, "unknown resource agent class \"" + agentClass + "\" in "
                    + Words.shorten(agent.raw()) + ": expected one of " + String.join(", ",
                            AGENT_CLASSES.stream().sorted().toList()));
        }
        resource.setAgentClass(agentClass);
        if (parts.length == 3) {
            resource.setProvider(parts[1]);
        } else if (agentClass.equals("ocf")) {
            // crm looks the agent up among the installed ones; offline we take its default
            resource.setProvider("heartbeat");
        }
        resource.setType(parts[parts.length - 1]);
    }

    /** {@code op <name> [interval=..] [timeout=..] [role=..] [on-fail=..] ...}. */
    private Operation operation(TokenCursor cursor, AgentResource resource) {
        Token name = cursor.expectWord("an operation name (monitor, start, stop...)");
        if (name.isPair() || AttributeLists.isKeyword(name)) {
            cursor.back();
            throw cursor.expected("an operation name (monitor, start, stop...)");
        }
        Operation op = new Operation();
        op.setName(name.text());
        List<Token> pairs = new ArrayList<>();
        InstanceAttributes checkLevel = null;
        while (!cursor.atEnd() && cursor.peek().isPair()) {
            pairs.add(cursor.next());
        }
        String interval = "0";
        for (Token pair : pairs) {
            if (pair.pairName().equals("interval")) {
                interval = pair.pairValue();
            }
        }
        op.setId(builder.generate(resource.getId() + "-" + op.getName() + "-" + interval));
        for (Token pair : pairs) {
            String value = pair.pairValue();
            switch (pair.pairName()) {
                case "interval" -> op.setInterval(value);
                case "timeout" -> op.setTimeout(value);
                case "role" -> op.setRole(role(pair));
                case "on-fail" -> op.setOnFail(value);
                case "start-delay" -> op.setStartDelay(value);
                case "interval-origin" -> op.setIntervalOrigin(value);
                case "enabled" -> op.setEnabled(value);
                case "record-pending" -> op.setRecordPending(value);
                case "description" -> op.setDescription(value);
                case "OCF_CHECK_LEVEL" -> {
                    // an agent parameter, not an op attribute: crm moves it into op params
                    checkLevel = new InstanceAttributes();
                    checkLevel.setId(builder.generate(op.getId() + "-instance_attributes"));
                    AttributeLists.put(builder, checkLevel, "OCF_CHECK_LEVEL", value);
                }
                default -> {
                    if (!OP_ATTRIBUTES.contains(pair.pairName())) {
                        throw TokenCursor.at(pair, "unknown operation attribute \""
                                + pair.pairName() + "\" in op " + op.getName() + ": expected "
                                + "interval, timeout, role, on-fail, start-delay, interval-origin, "
                                + "enabled, record-pending, description or OCF_CHECK_LEVEL");
                    }
                    op.otherAttributes().put(new QName(pair.pairName()), value);
                }
            }
        }
        if (op.getInterval() == null) {
            op.setInterval("0"); // crm writes the interval of one-shot operations explicitly
        }
        if (checkLevel != null) {
            op.add(checkLevel);
        }
        operations(resource).add(op);
        return op;
    }

    private static String role(Token pair) {
        String role = Scores.role(pair.pairValue());
        if (role == null) {
            throw TokenCursor.at(pair, "unknown role \"" + pair.pairValue() + "\": expected one of "
                    + String.join(", ", Scores.ROLES));
        }
        return role;
    }

    /** {@code group <id> <rsc>...}, {@code clone <id> <rsc>}, {@code ms <id> <rsc>}, + meta. */
    void container(TokenCursor cursor, String command) {
        String kind = command.equals("master") ? "ms" : command;
        Token idToken = cursor.peek();
        String id = Ids.expect(cursor, kind);
        builder.define(idToken, id, kind);
        Resource container = switch (kind) {
            case "group" -> new Group();
            case "clone" -> new Clone();
            default -> new Master();
        };
        container.setId(id);
        List<Token> members = new ArrayList<>();
        while (!cursor.atEnd() && !cursor.peek().isPair() && !AttributeLists.isKeyword(
                cursor.peek())) {
            Token member = cursor.next();
            Ids.require(member, "a member of " + kind + " \"" + id + "\"");
            members.add(member);
        }
        String memberWord = kind.equals("group") ? "a primitive" : "a primitive or group";
        if (members.isEmpty()) {
            throw cursor.expected(memberWord + " to put into the " + kind);
        }
        if (!kind.equals("group") && members.size() > 1) {
            throw TokenCursor.at(members.get(1), kind + " \"" + id + "\" can hold only one "
                    + "resource, found a second one: \"" + members.get(1).text() + "\"");
        }
        if (cursor.peek() != null && cursor.peek().pairName().equalsIgnoreCase("description")) {
            container.setDescription(cursor.next().pairValue());
        }
        String owner = kind + " \"" + id + "\"";
        while (!cursor.atEnd()) {
            Token keyword = cursor.next();
            switch (TokenCursor.keyword(keyword)) {
                case "meta" -> container.add(AttributeLists.read(cursor, builder,
                        new MetaAttributes(), id + "-meta_attributes", "meta of " + owner, false));
                case "params" -> container.add(AttributeLists.read(cursor, builder,
                        new InstanceAttributes(), id + "-instance_attributes",
                        "params of " + owner, false));
                default -> {
                    cursor.back();
                    throw cursor.expected("meta or params");
                }
            }
        }
        builder.addContainer(container, members);
    }
}
