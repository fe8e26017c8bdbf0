package org.halyard.cib.validation;

import java.util.List;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;

/**
 * What may contain what (groups: primitives; clones: one primitive or group; bundles: at most
 * one primitive) and whether each primitive has an agent.
 */
final class ResourceChecks {

    private final ConfigurationIndex index;
    private final Findings findings;

    private ResourceChecks(ConfigurationIndex index, Findings findings) {
        this.index = index;
        this.findings = findings;
    }

    static void check(ConfigurationIndex index, Findings findings) {
        ResourceChecks checks = new ResourceChecks(index, findings);
        Resources resources = index.configuration.resources().orElseGet(Resources::new);
        for (Resource resource : resources.allResources()) {
            switch (resource) {
                case Group group -> checks.group(group);
                case Clone clone -> checks.clone(clone);
                case Bundle bundle -> checks.bundle(bundle);
                case Primitive primitive -> checks.primitive(primitive);
                default -> {
                    // Templates are not resources; other subclasses have no structure to check.
                }
            }
        }
    }

    private void group(Group group) {
        List<Resource> members = group.members();
        if (members.isEmpty()) {
            // Pacemaker: "Group %s will be ignored because it does not have any members"
            findings.warning(Check.RESOURCE_STRUCTURE, group, "group \"" + group.getId()
                    + "\" has no members and will be ignored");
        }
        for (Resource member : members) {
            if (!(member instanceof Primitive)) {
                findings.error(Check.RESOURCE_STRUCTURE, member, "group \"" + group.getId()
                        + "\" may only contain primitives, not " + describe(member));
            }
        }
    }

    private void clone(Clone clone) {
        String kind = clone.elementName();
        List<Resource> members = clone.members();
        if (members.isEmpty()) {
            // Pacemaker: "%s has nothing to clone"
            findings.error(Check.RESOURCE_STRUCTURE, clone, kind + " \"" + clone.getId()
                    + "\" has nothing to clone");
            return;
        }
        for (Resource member : members) {
            if (!(member instanceof Primitive) && !(member instanceof Group)) {
                findings.error(Check.RESOURCE_STRUCTURE, member, kind + " \"" + clone.getId()
                        + "\" may only contain a primitive or a group, not " + describe(member));
            }
        }
        for (Resource extra : members.subList(1, members.size())) {
            findings.error(Check.RESOURCE_STRUCTURE, extra, kind + " \"" + clone.getId()
                    + "\" may contain only one resource; Pacemaker clones \""
                    + members.get(0).getId() + "\" and ignores " + describe(extra));
        }
    }

    private void bundle(Bundle bundle) {
        List<Resource> members = bundle.members();
        for (Resource member : members) {
            if (!(member instanceof Primitive)) {
                findings.error(Check.RESOURCE_STRUCTURE, member, "bundle \"" + bundle.getId()
                        + "\" may only contain a primitive, not " + describe(member));
            }
        }
        if (members.size() > 1) {
            findings.error(Check.RESOURCE_STRUCTURE, members.get(1), "bundle \"" + bundle.getId()
                    + "\" may contain only one primitive");
        }
        if (bundle.container().isEmpty()) {
            findings.error(Check.RESOURCE_STRUCTURE, bundle, "bundle \"" + bundle.getId()
                    + "\" has no container (docker, podman or rkt)");
        }
    }

    private void primitive(Primitive primitive) {
        String name = "primitive \"" + primitive.getId() + "\"";
        String template = primitive.getTemplate();
        if (template != null) {
            if (template.equals(primitive.getId())) {
                // Pacemaker: "The resource object '%s' should not reference itself"
                findings.error(Check.UNKNOWN_REFERENCE, primitive, name
                        + " refers to itself as template");
                return;
            }
            if (!index.templates.containsKey(template)) {
                findings.error(Check.UNKNOWN_REFERENCE, primitive, name
                        + " refers to unknown template \"" + template + "\"");
                return;
            }
        }
        String agentClass = index.agentClass(primitive);
        if (agentClass == null || index.agentType(primitive) == null) {
            findings.error(Check.RESOURCE_AGENT, primitive, name
                    + " has no agent: set class and type, or template");
        } else if ("ocf".equals(agentClass) && index.agentProvider(primitive) == null) {
            findings.error(Check.RESOURCE_AGENT, primitive, name
                    + " has class ocf but no provider");
        }
    }

    private static String describe(Resource resource) {
        return resource.elementName() + " \"" + resource.getId() + "\"";
    }
}
