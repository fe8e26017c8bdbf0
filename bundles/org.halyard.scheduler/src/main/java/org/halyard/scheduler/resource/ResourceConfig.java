package org.halyard.scheduler.resource;

import java.util.List;
import java.util.Map;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.rules.ParameterSets;

/**
 * What the configuration says about one resource, with inherited and default meta-attributes
 * resolved.
 *
 * @param agent            {@code class:provider:type} for primitives, null otherwise
 * @param targetRole       the target-role meta-attribute, UNKNOWN when not set
 * @param needsFencing     starts require fencing of unclean nodes first (requires=fencing)
 * @param needsQuorum      starts require quorum (requires=quorum or fencing)
 * @param groupOrdered     for groups: members start in order
 * @param groupColocated   for groups: members run on the same node
 * @param parameters       where its instance attributes come from (own, then inherited)
 * @param utilization      the capacity it needs of a node, by utilization attribute
 */
public record ResourceConfig(String id, Variant variant, String agentClass, String agent,
        Map<String, String> meta, int priority, int stickiness, int migrationThreshold,
        Role targetRole, boolean managed, String multipleActive, boolean needsFencing,
        boolean needsQuorum, boolean groupOrdered, boolean groupColocated,
        List<OperationConfig> operations, ParameterSets parameters,
        Map<String, Integer> utilization) {

    public ResourceConfig {
        meta = Map.copyOf(meta);
        operations = List.copyOf(operations);
        utilization = Map.copyOf(utilization);
    }

    public boolean isStonith() {
        return "stonith".equalsIgnoreCase(agentClass);
    }

    /** The allow-migrate meta-attribute: it may move by live migration instead of stop and start. */
    public boolean allowMigrate() {
        return org.halyard.cib.model.CibValues.isTrue(meta.get("allow-migrate"));
    }
}
