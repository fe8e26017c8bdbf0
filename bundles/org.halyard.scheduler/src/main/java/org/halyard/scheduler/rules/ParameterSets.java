package org.halyard.scheduler.rules;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.halyard.cib.model.resources.Resource;

/**
 * Where a resource's parameters come from: its own instance attributes, then its parents'.
 * Their rules may depend on the node, so the parameters are evaluated per node.
 *
 * @param lineage the resource first, then its parents outward
 */
public record ParameterSets(List<Resource> lineage) {

    public static final ParameterSets NONE = new ParameterSets(List.of());

    public ParameterSets {
        lineage = List.copyOf(lineage);
    }

    /** The parameters on a node with these attributes, at this time. */
    public Map<String, String> on(Map<String, String> nodeAttributes, LocalDateTime now) {
        return ResourceParameters.of(lineage, nodeAttributes, now);
    }
}
