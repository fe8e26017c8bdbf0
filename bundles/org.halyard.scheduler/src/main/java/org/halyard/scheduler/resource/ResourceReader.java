package org.halyard.scheduler.resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.ResourceDefaults;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.scheduler.SchedulerException;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.NoQuorumPolicy;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.rules.NodeRules;
import org.halyard.scheduler.rules.ParameterSets;
import org.halyard.scheduler.utilization.Utilization;

/**
 * Builds the scheduler's resource tree from the configuration, resolving meta-attributes the
 * way Pacemaker does: the resource's own, then its parent's, then rsc_defaults.
 */
public final class ResourceReader {

    private final ClusterOptions options;
    private final List<MetaAttributes> defaults;
    private final Map<String, ScheduledResource> byId = new LinkedHashMap<>();
    private final Map<ScheduledResource, Template> templates = new HashMap<>();
    private final int nodeCount;

    /** What a clone's instances are made from. */
    private record Template(Resource child, Map<String, String> meta, List<Resource> lineage) {
    }

    private ResourceReader(Cib cib, ClusterOptions options) {
        this.options = options;
        this.nodeCount = cib.configuration().flatMap(Configuration::nodes)
                .map(n -> n.nodes().size()).orElse(0);
        this.defaults = cib.configuration().flatMap(Configuration::resourceDefaults)
                .map(ResourceDefaults::metaAttributes).orElse(List.of());
    }

    /** The top-level resources in document order, and every resource by id. */
    public record ResourceTree(List<ScheduledResource> topLevel,
            Map<String, ScheduledResource> byId, InstanceFactory instances) {
    }

    /** Creates further instances of a clone (orphans found in the history). */
    @FunctionalInterface
    public interface InstanceFactory {
        /** Appends a new instance, numbered after the existing ones, and returns it. */
        ScheduledResource add(ScheduledResource clone);
    }

    /**
     * Reads the resources.
     *
     * @throws SchedulerException for a resource kind the scheduler does not support
     */
    public static ResourceTree read(Cib cib, ClusterOptions options) {
        ResourceReader reader = new ResourceReader(cib, options);
        List<ScheduledResource> top = new ArrayList<>();
        for (Resource resource : cib.configuration().flatMap(Configuration::resources)
                .map(Resources::resources).orElse(List.of())) {
            top.add(reader.build(resource, null, Map.of(), List.of(), ""));
        }
        return new ResourceTree(List.copyOf(top), Map.copyOf(reader.byId), reader::addInstance);
    }

    private ScheduledResource addInstance(ScheduledResource clone) {
        Template template = templates.get(clone);
        ScheduledResource instance = build(template.child(), clone, template.meta(),
                template.lineage(), ":" + clone.children().size());
        markOrphan(instance);
        clone.children().add(instance);
        return instance;
    }

    private static void markOrphan(ScheduledResource instance) {
        instance.instanceOrphan = true;
        instance.children().forEach(ResourceReader::markOrphan);
    }

    private ScheduledResource build(Resource resource, ScheduledResource parent,
            Map<String, String> parentMeta, List<Resource> ancestors, String suffix) {
        String[] agent = resource instanceof AgentResource a
                ? new String[] {a.getAgentClass(), a.getProvider(), a.getType()}
                : new String[3];
        Map<String, String> meta = evaluate(resource.metaAttributes(), agent);
        parentMeta.forEach(meta::putIfAbsent);
        Map<String, String> inherited = Map.copyOf(meta);
        evaluate(defaults, agent).forEach(meta::putIfAbsent);
        List<Resource> lineage = new ArrayList<>();
        lineage.add(resource);
        lineage.addAll(ancestors);
        ParameterSets params = new ParameterSets(lineage);
        ScheduledResource scheduled = new ScheduledResource(config(resource,
                resource.getId() + suffix, meta, params), parent);
        scheduled.baseId = resource.getId();
        byId.put(scheduled.id(), scheduled);
        if (resource instanceof Group group) {
            for (Resource member : group.members()) {
                scheduled.children().add(build(member, scheduled, inherited, lineage, suffix));
            }
        } else if (resource instanceof Clone clone) {
            buildInstances(clone, scheduled, meta, inherited, lineage);
        }
        return scheduled;
    }

    /** Pacemaker's clone_unpack: clone-max instances named child:N (at least one). */
    private void buildInstances(Clone clone, ScheduledResource scheduled, Map<String, String> meta,
            Map<String, String> inherited, List<Resource> lineage) {
        boolean promotable = clone instanceof Master
                || CibValues.isTrue(meta.get("promotable"));
        scheduled.clone = CloneSettings.of(meta, promotable, nodeCount);
        Resource child = clone.child().orElse(null);
        if (child == null) {
            return;
        }
        Map<String, String> childMeta = new HashMap<>(inherited);
        // Instances are slightly sticky by default so they are not shuffled for no benefit
        if (!meta.containsKey("resource-stickiness")) {
            childMeta.put("resource-stickiness", "1");
        }
        childMeta.put("globally-unique", Boolean.toString(scheduled.clone.globallyUnique()));
        templates.put(scheduled, new Template(child, Map.copyOf(childMeta), lineage));
        int count = Math.max(1, scheduled.clone.cloneMax());
        for (int i = 0; i < count; i++) {
            ScheduledResource instance = build(child, scheduled, childMeta, lineage, ":" + i);
            if (i >= scheduled.clone.cloneMax()) {
                markOrphan(instance);
            }
            scheduled.children().add(instance);
        }
    }

    private ResourceConfig config(Resource resource, String id, Map<String, String> meta,
            ParameterSets params) {
        Variant variant = switch (resource) {
            case Primitive p -> Variant.PRIMITIVE;
            case Group g -> Variant.GROUP;
            case Clone c -> Variant.CLONE;
            default -> throw new SchedulerException("resource \"" + resource.getId()
                    + "\" is a " + resource.elementName() + ", which is not supported yet");
        };
        String agentClass = resource instanceof AgentResource a ? a.getAgentClass() : null;
        String agent = resource instanceof AgentResource a ? a.agent() : null;
        boolean managed = CibValues.parseBoolean(meta.get("is-managed")).orElse(true)
                && !CibValues.parseBoolean(meta.get("maintenance"))
                        .orElse(options.maintenanceMode());
        String requires = meta.get("requires");
        boolean stonithClass = "stonith".equalsIgnoreCase(agentClass);
        if (requires == null) {
            requires = stonithClass ? "quorum" : options.stonithEnabled() ? "fencing"
                    : options.noQuorumPolicy() == NoQuorumPolicy.IGNORE ? "nothing" : "quorum";
        }
        int stickiness = meta.containsKey("resource-stickiness")
                ? Scores.parse(meta.get("resource-stickiness")) : options.defaultStickiness();
        int threshold = meta.containsKey("migration-threshold")
                ? Scores.parse(meta.get("migration-threshold")) : Scores.INFINITY;
        return new ResourceConfig(id, variant, agentClass, agent, meta,
                Scores.parse(meta.get("priority")), stickiness, Math.max(0, threshold),
                Role.parse(meta.get("target-role")), managed,
                meta.getOrDefault("multiple-active", "stop_start"),
                "fencing".equals(requires) || "unfencing".equals(requires),
                !"nothing".equals(requires),
                CibValues.parseBoolean(meta.get("ordered")).orElse(true),
                CibValues.parseBoolean(meta.get("collocated")).orElse(true),
                operations(resource), params, utilization(resource));
    }

    private Map<String, Integer> utilization(Resource resource) {
        return resource instanceof AgentResource agentResource
                ? Utilization.read(agentResource.utilizations(), options.now()) : Map.of();
    }

    private static List<OperationConfig> operations(Resource resource) {
        if (!(resource instanceof AgentResource agentResource)) {
            return List.of();
        }
        List<OperationConfig> ops = new ArrayList<>();
        for (Operation op : agentResource.operationList()) {
            ops.add(new OperationConfig(op.getName(), Durations.toMillis(op.getInterval()),
                    OnFail.parse(op.getOnFail()), Role.parse(op.getRole()),
                    CibValues.parseBoolean(op.getEnabled()).orElse(true)));
        }
        return ops;
    }

    /** Meta-attribute sets by score, highest first, where their rules hold for this agent. */
    private Map<String, String> evaluate(List<MetaAttributes> sets, String[] agent) {
        List<MetaAttributes> sorted = new ArrayList<>(sets);
        sorted.sort(java.util.Comparator.comparingInt(MetaAttributes::scoreValue).reversed());
        NodeRules.RuleInput input = new NodeRules.RuleInput(Map.of(), options.now(), Map.of(),
                Map.of(), agent);
        Map<String, String> result = new HashMap<>();
        for (MetaAttributes set : sorted) {
            if (set.rule().isEmpty() || NodeRules.matches(set.rule().get(), input)) {
                set.asMap().forEach((k, v) -> {
                    if (v != null) {
                        result.putIfAbsent(k, v);
                    }
                });
            }
        }
        return result;
    }

    /** The resource with this id, if configured. */
    public static Optional<ScheduledResource> find(ResourceTree tree, String id) {
        return Optional.ofNullable(tree.byId().get(id));
    }
}
