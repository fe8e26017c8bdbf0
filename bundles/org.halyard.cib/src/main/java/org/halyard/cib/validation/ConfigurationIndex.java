package org.halyard.cib.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.resources.Template;
import org.halyard.cib.model.tags.Tag;
import org.halyard.cib.model.tags.Tags;
import org.w3c.dom.Element;

/** What the checks look up: resources, templates, tags, node names and ids, by id. */
final class ConfigurationIndex {

    final Configuration configuration;
    final Map<String, Resource> resources = new HashMap<>();
    final Map<String, Template> templates = new HashMap<>();
    final Map<String, Tag> tags = new HashMap<>();
    // Lower case: Pacemaker compares node names case-insensitively.
    final Set<String> nodeNames = new HashSet<>();
    /** Elements whose id attribute refers to another element rather than naming this one. */
    static final Set<String> REFERENCE_ELEMENTS = Set.of("obj_ref", "role", "resource_ref");

    /** Every id the configuration defines (including node ids), for references to resolve. */
    final Set<String> allIds = new HashSet<>();
    private final Set<String> cloneMembers = new HashSet<>();

    ConfigurationIndex(Configuration configuration) {
        this.configuration = configuration;
        Resources section = configuration.resources().orElseGet(Resources::new);
        for (Template template : section.templates()) {
            templates.putIfAbsent(template.getId(), template);
        }
        for (Resource resource : section.allResources()) {
            if (resource.getId() != null) {
                resources.putIfAbsent(resource.getId(), resource);
            }
            if (resource instanceof Clone clone) {
                clone.members().forEach(member -> markCloneMembers(member));
            }
        }
        for (Tag tag : configuration.tags().map(Tags::tags).orElse(List.of())) {
            tags.putIfAbsent(tag.getId(), tag);
        }
        indexNodeNames(section);
        collectIds(configuration);
    }

    /** The resource a constraint reference names, also for clone instances ("rsc:1"). */
    Optional<Resource> resource(String ref) {
        Resource resource = resources.get(ref);
        if (resource == null) {
            int colon = ref.lastIndexOf(':');
            if (colon > 0 && ref.substring(colon + 1).matches("[0-9]+")
                    && cloneMembers.contains(ref.substring(0, colon))) {
                resource = resources.get(ref.substring(0, colon));
            }
        }
        return Optional.ofNullable(resource);
    }

    /** Whether a constraint may name this: a resource, a template or a tag. */
    boolean isResourceTemplateOrTag(String ref) {
        return resource(ref).isPresent() || templates.containsKey(ref) || tags.containsKey(ref);
    }

    boolean isNode(String name) {
        return nodeNames.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The agent class of a primitive, taken from its template when it has none itself. */
    String agentClass(Primitive primitive) {
        if (primitive.getAgentClass() != null || primitive.getTemplate() == null) {
            return primitive.getAgentClass();
        }
        Template template = templates.get(primitive.getTemplate());
        return template == null ? null : template.getAgentClass();
    }

    String agentType(Primitive primitive) {
        if (primitive.getType() != null || primitive.getTemplate() == null) {
            return primitive.getType();
        }
        Template template = templates.get(primitive.getTemplate());
        return template == null ? null : template.getType();
    }

    String agentProvider(Primitive primitive) {
        if (primitive.getProvider() != null || primitive.getTemplate() == null) {
            return primitive.getProvider();
        }
        Template template = templates.get(primitive.getTemplate());
        return template == null ? null : template.getProvider();
    }

    private void markCloneMembers(Resource member) {
        cloneMembers.add(member.getId());
        member.members().forEach(this::markCloneMembers);
    }

    /**
     * Nodes are those in {@code <nodes>} plus the ones resources create: Pacemaker Remote
     * connections (ocf:pacemaker:remote primitives, named by their id), guest nodes (the
     * remote-node meta-attribute) and bundle replicas ({@code <bundle>-<n>}).
     */
    private void indexNodeNames(Resources section) {
        for (Node node : configuration.nodes().map(Nodes::nodes).orElse(List.of())) {
            addNodeName(node.getUname());
        }
        for (Resource resource : section.allResources()) {
            if (resource instanceof Primitive primitive) {
                if ("remote".equals(agentType(primitive)) && "ocf".equals(agentClass(primitive))
                        && "pacemaker".equals(agentProvider(primitive))) {
                    addNodeName(primitive.getId());
                }
                primitive.metaAttribute("remote-node").ifPresent(this::addNodeName);
            } else if (resource instanceof Bundle bundle && bundle.primitive().isPresent()) {
                for (int i = 0; i < replicas(bundle); i++) {
                    addNodeName(bundle.getId() + "-" + i);
                }
            }
        }
    }

    /** replicas, defaulting like Pacemaker to promoted-max (or masters) if set, else 1. */
    private static int replicas(Bundle bundle) {
        Element container = bundle.container().orElse(null);
        if (container == null) {
            return 1;
        }
        for (String attribute : new String[] {"replicas", "promoted-max", "masters"}) {
            String value = container.getAttribute(attribute);
            if (!value.isEmpty()) {
                try {
                    return Math.max(1, Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    return 1; // Pacemaker falls back to the default for an invalid value
                }
            }
        }
        return 1;
    }

    private void addNodeName(String name) {
        if (name != null) {
            nodeNames.add(name.toLowerCase(Locale.ROOT));
        }
    }

    private void collectIds(CibElement element) {
        if (element.getId() != null && !REFERENCE_ELEMENTS.contains(element.elementName())) {
            allIds.add(element.getId());
        }
        for (Object child : element.content()) {
            if (child instanceof CibElement model) {
                collectIds(model);
            } else if (child instanceof Element dom) {
                collectIds(dom);
            }
        }
    }

    private void collectIds(Element element) {
        if (element.hasAttribute("id") && !REFERENCE_ELEMENTS.contains(element.getLocalName())) {
            allIds.add(element.getAttribute("id"));
        }
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null;
                child = child.getNextSibling()) {
            if (child instanceof Element dom) {
                collectIds(dom);
            }
        }
    }
}
