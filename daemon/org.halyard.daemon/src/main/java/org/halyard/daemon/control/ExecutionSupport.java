package org.halyard.daemon.control;

import java.util.List;
import java.util.TreeSet;

import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;

/**
 * What the scheduler can decide but this controller cannot carry out yet, named so the DC
 * refuses the configuration instead of running it without a part the agents rely on (a DRBD
 * clone without its notifications would never learn its peer's role).
 */
final class ExecutionSupport {

    private ExecutionSupport() {
    }

    /** The missing features the configuration needs, each with the resources that need it; empty when none. */
    static List<String> unsupported(Cib cib) {
        // clones stand at the top level only: their primitives alone are resolved, not every one
        TreeSet<String> notifying = new TreeSet<>();
        for (Resource top : cib.configuration().flatMap(c -> c.resources()).map(Resources::resources)
                .orElse(List.of())) {
            if (top instanceof Clone clone && notifies(cib, clone)) {
                notifying.add(clone.getId());
            }
        }
        return notifying.isEmpty() ? List.of()
                : List.of("clone notifications (notify=true on " + String.join(", ", notifying) + ")");
    }

    /** Whether a primitive of the resource has notify=true (its own meta, its parents', rsc_defaults). */
    private static boolean notifies(Cib cib, Resource rsc) {
        if (rsc instanceof AgentResource primitive) {
            return ResourceDefinition.find(cib, primitive.getId(), "")
                    .map(definition -> CibValues.isTrue(definition.meta().get("notify"))).orElse(false);
        }
        return rsc.members().stream().anyMatch(member -> notifies(cib, member));
    }
}
