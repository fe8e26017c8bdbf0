package org.halyard.crmsh.parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.OperationDefaults;
import org.halyard.cib.model.ResourceDefaults;
import org.halyard.cib.model.SourcePosition;
import org.halyard.cib.model.acls.AclRole;
import org.halyard.cib.model.acls.Acls;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.alerts.Alerts;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.ClusterPropertySet;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.TicketConstraint;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Template;
import org.halyard.cib.model.tags.Tag;
import org.halyard.cib.model.tags.Tags;
import org.halyard.crmsh.CrmError;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;

/**
 * Collects what the statements define and assembles the configuration at the end, when every
 * resource is known: containers may name members defined further down, as in a crm file.
 */
final class ConfigurationBuilder {

    private final IdAllocator ids = new IdAllocator();
    private final Map<String, SourcePosition> positions = new LinkedHashMap<>();
    private final Map<String, String> definedAs = new HashMap<>();
    private final List<CrmError> errors = new ArrayList<>();
    private final List<ClusterPropertySet> propertySets = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Resource> resources = new HashMap<>();
    private final List<Resource> topLevel = new ArrayList<>();
    private final List<PendingContainer> containers = new ArrayList<>();
    private final List<Resource> xmlResources = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<MetaAttributes> resourceDefaults = new ArrayList<>();
    private final List<MetaAttributes> operationDefaults = new ArrayList<>();
    private final List<Tag> tags = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<AclRole> aclRoles = new ArrayList<>();
    private final List<CibElement> aclHolders = new ArrayList<>();
    private FencingTopology fencingTopology;
    private SourcePosition fencingTopologyAt;
    private SourcePosition current;

    /**
     * A group, clone, ms or bundle whose members are looked up once every statement is read;
     * they go to the end of its content, or at {@code slot} (a bundle's primitive stays where
     * the statement named it).
     */
    private record PendingContainer(Resource container, List<Token> members, int slot) {
    }

    void startStatement(SourcePosition position) {
        current = position;
    }

    void error(CrmError error) {
        errors.add(error);
    }

    List<CrmError> errors() {
        return errors;
    }

    Map<String, SourcePosition> positions() {
        return positions;
    }

    /** A generated id, remembered as coming from the current statement. */
    String generate(String base) {
        String id = ids.generate(base);
        positions.putIfAbsent(id, current);
        return id;
    }

    /** Claims an id the admin wrote for {@code kind} (e.g. "primitive"); it must be new. */
    void define(Token token, String id, String kind) {
        if (!ids.claim(id)) {
            SourcePosition earlier = positions.get(id);
            String what = definedAs.getOrDefault(id, "an element");
            throw TokenCursor.at(token, kind + " \"" + id + "\": the id is already used by "
                    + what + (earlier == null ? "" : " at " + earlier));
        }
        positions.put(id, current);
        definedAs.put(id, kind + " \"" + id + "\"");
    }

    /**
     * Node ids are not XML ids (Pacemaker allows a remote node and its resource to share one),
     * so they only have to be unique among nodes.
     */
    void addNode(Token token, Node node) {
        for (Node other : nodes) {
            if (other.getId().equals(node.getId())) {
                throw TokenCursor.at(token, "node \"" + node.getUname() + "\": the node id \""
                        + node.getId() + "\" is already used by node \"" + other.getUname()
                        + "\" at " + positions.get("node " + other.getId()));
            }
        }
        positions.put("node " + node.getId(), current);
        nodes.add(node);
    }

    /** A resource, in statement order at the top level until a container takes it. */
    void addResource(Resource resource) {
        resources.put(resource.getId(), resource);
        topLevel.add(resource);
    }

    /** A resource of an xml statement: its members may be defined by statements too. */
    void addXmlResource(Resource resource) {
        addResource(resource);
        xmlResources.add(resource);
    }

    void addContainer(Resource container, List<Token> members) {
        addContainer(container, members, -1);
    }

    /** A container whose members go at {@code slot} of its content (-1: at the end). */
    void addContainer(Resource container, List<Token> members, int slot) {
        addResource(container);
        containers.add(new PendingContainer(container, members, slot));
    }

    void addConstraint(Constraint constraint) {
        constraints.add(constraint);
    }

    /** The names of the nodes defined so far, in order. */
    List<String> nodeNames() {
        return nodes.stream().map(Node::getUname).toList();
    }

    /** The configuration has one fencing topology, so one {@code fencing_topology} statement. */
    void setFencingTopology(Token token, FencingTopology topology) {
        if (fencingTopology != null) {
            throw TokenCursor.at(token, "fencing_topology is already defined at "
                    + fencingTopologyAt + ": write all levels in one statement");
        }
        fencingTopology = topology;
        fencingTopologyAt = current;
    }

    void addAlert(Alert alert) {
        alerts.add(alert);
    }

    void addTag(Tag tag) {
        tags.add(tag);
    }

    /** A role, or an acl_target or acl_group (holders of roles). */
    void addAcl(CibElement acl) {
        if (acl instanceof AclRole role) {
            aclRoles.add(role);
        } else {
            aclHolders.add(acl);
        }
    }

    /**
     * The option set with this id in its section, created when new. Repeated {@code property}
     * statements with one id add to one set, later values winning, as successive
     * {@code crm configure property} commands do.
     */
    AttributeSet optionSet(String section, Token token, String id) {
        List<? extends AttributeSet> sets = switch (section) {
            case "property" -> propertySets;
            case "rsc_defaults" -> resourceDefaults;
            default -> operationDefaults;
        };
        for (AttributeSet set : sets) {
            if (set.getId().equals(id)) {
                return set;
            }
        }
        define(token, id, section);
        Supplier<AttributeSet> factory = section.equals("property") ? ClusterPropertySet::new
                : MetaAttributes::new;
        AttributeSet set = factory.get();
        set.setId(id);
        switch (section) {
            case "property" -> propertySets.add((ClusterPropertySet) set);
            case "rsc_defaults" -> resourceDefaults.add((MetaAttributes) set);
            default -> operationDefaults.add((MetaAttributes) set);
        }
        return set;
    }

    /** Assembles the CIB; errors found on the way are added to {@link #errors()}. */
    Cib build() {
        // Groups first: a clone may hold a group, never the other way round.
        for (PendingContainer pending : containers) {
            if (pending.container instanceof Group) {
                place(pending);
            }
        }
        for (PendingContainer pending : containers) {
            if (!(pending.container instanceof Group)) {
                place(pending);
            }
        }
        xmlResources.forEach(this::dropRedefinitions);
        // crm writes the objects of a section by kind, in statement order within a kind
        topLevel.sort(Comparator.comparingInt(ConfigurationBuilder::rank));
        constraints.sort(Comparator.comparingInt(c -> c instanceof TicketConstraint ? 1 : 0));
        Cib cib = Cib.empty();
        Configuration configuration = cib.configuration().orElseThrow();
        CibElement crmConfig = configuration.crmConfig().orElseThrow();
        propertySets.forEach(crmConfig::add);
        CibElement nodeSection = configuration.nodes().orElseThrow();
        nodes.forEach(nodeSection::add);
        CibElement resourceSection = configuration.resources().orElseThrow();
        topLevel.forEach(resourceSection::add);
        CibElement constraintSection = configuration.constraints().orElseThrow();
        constraints.forEach(constraintSection::add);
        // the sections in the order crm writes them
        if (!tags.isEmpty()) {
            Tags section = new Tags();
            tags.forEach(section::add);
            configuration.setTags(section);
        }
        if (fencingTopology != null) {
            configuration.setFencingTopology(fencingTopology);
        }
        if (!resourceDefaults.isEmpty()) {
            ResourceDefaults defaults = new ResourceDefaults();
            resourceDefaults.forEach(defaults::add);
            configuration.setResourceDefaults(defaults);
        }
        if (!operationDefaults.isEmpty()) {
            OperationDefaults defaults = new OperationDefaults();
            operationDefaults.forEach(defaults::add);
            configuration.setOperationDefaults(defaults);
        }
        if (!aclRoles.isEmpty() || !aclHolders.isEmpty()) {
            // crm writes the roles first, then users and groups, each in statement order
            Acls section = new Acls();
            aclRoles.forEach(section::add);
            aclHolders.forEach(section::add);
            configuration.setAcls(section);
        }
        if (!alerts.isEmpty()) {
            Alerts section = new Alerts();
            alerts.forEach(section::add);
            configuration.setAlerts(section);
        }
        return cib;
    }

    /** The place of a kind of resource in crm's order: templates, primitives, bundles... */
    private static int rank(Resource resource) {
        return switch (resource) {
            case Template template -> 0;
            case Primitive primitive -> 1;
            case Bundle bundle -> 2;
            case Group group -> 3;
            case Master master -> 4;
            default -> 5;
        };
    }

    /** Moves the members from the top level into the container. */
    private void place(PendingContainer pending) {
        Resource container = pending.container;
        String kind = describeKind(container);
        List<Resource> members = new ArrayList<>();
        for (Token token : pending.members) {
            Resource member = member(container, kind, token);
            if (member != null) {
                members.add(member);
            }
        }
        topLevel.removeAll(members);
        if (pending.slot < 0) {
            members.forEach(container::add);
        } else {
            container.content().addAll(pending.slot, members);
        }
    }

    /**
     * crm shows a container it cannot say as xml, members included, and the members by their
     * own statements as well. Loading both, crm keeps the members of the xml (whichever comes
     * first) and drops the other definitions; so does this.
     */
    private void dropRedefinitions(Resource container) {
        for (Resource member : container.members()) {
            Resource defined = resources.get(member.getId());
            if (defined != null && defined != member) {
                topLevel.remove(defined);
            }
            dropRedefinitions(member);
        }
    }

    /** The member a container names, or null (with the error recorded) if it cannot be one. */
    private Resource member(Resource container, String kind, Token token) {
        String id = token.text();
        Resource member = resources.get(id);
        if (member == null || member instanceof Template) {
            errors.add(new CrmError(token.position(), kind + " \"" + container.getId()
                    + "\" names \"" + id + "\", which is not defined as a "
                    + (container instanceof Clone ? "primitive or group" : "primitive")));
            return null;
        }
        String problem = memberProblem(container, member);
        if (problem != null) {
            errors.add(new CrmError(token.position(), problem));
            return null;
        }
        if (!topLevel.contains(member)) {
            Resource owner = ownerOf(member);
            errors.add(new CrmError(token.position(), kind + " \"" + container.getId()
                    + "\" names \"" + id + "\", which is already in " + describeKind(owner)
                    + " \"" + owner.getId() + "\" (defined at " + positions.get(owner.getId())
                    + ")"));
            return null;
        }
        return member;
    }

    private static String memberProblem(Resource container, Resource member) {
        String kind = describeKind(container);
        if (container instanceof Group && !(member instanceof Primitive)) {
            return "group \"" + container.getId() + "\" may only contain primitives, but \""
                    + member.getId() + "\" is a " + describeKind(member);
        }
        if (container instanceof Bundle && !(member instanceof Primitive)) {
            return "bundle \"" + container.getId() + "\" may only contain a primitive, but \""
                    + member.getId() + "\" is a " + describeKind(member);
        }
        if (container instanceof Clone && member instanceof Clone) {
            return kind + " \"" + container.getId() + "\" may only contain a primitive or a group,"
                    + " but \"" + member.getId() + "\" is a " + describeKind(member);
        }
        if (member == container) {
            return kind + " \"" + container.getId() + "\" cannot contain itself";
        }
        return null;
    }

    private Resource ownerOf(Resource member) {
        for (PendingContainer pending : containers) {
            if (pending.container.members().contains(member)) {
                return pending.container;
            }
        }
        return member;
    }

    /** How crm names the kind of a resource: primitive, group, clone, ms. */
    static String describeKind(Resource resource) {
        if (resource instanceof Master) {
            return "ms";
        }
        return resource.elementName();
    }
}
