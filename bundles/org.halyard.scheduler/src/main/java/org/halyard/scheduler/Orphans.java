package org.halyard.scheduler;

import java.util.List;
import java.util.Map;
import org.halyard.cib.model.status.ResourceHistory;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ResourceConfig;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;
import org.halyard.scheduler.resource.Variant;

/** Resources found in the history but no longer configured: they may run nowhere. */
final class Orphans {

    private Orphans() {
    }

    static ScheduledResource create(String id, ResourceHistory history, ClusterOptions options,
            Map<String, ClusterNode> nodes) {
        String agent = history.getAgentClass() + (history.getProvider() == null ? ""
                : ":" + history.getProvider()) + ":" + history.getType();
        ResourceConfig config = new ResourceConfig(id, Variant.PRIMITIVE,
                history.getAgentClass(), agent, Map.of(), 0, 0, Scores.INFINITY, Role.UNKNOWN,
                options.stopOrphanResources() && !options.maintenanceMode(), "stop_start",
                options.stonithEnabled(), true, true, true, List.of(),
                org.halyard.scheduler.rules.ParameterSets.NONE, Map.of());
        ScheduledResource rsc = new ScheduledResource(config, null);
        rsc.orphan = true;
        nodes.keySet().forEach(n -> rsc.allowed.put(n, -Scores.INFINITY));
        return rsc;
    }
}
