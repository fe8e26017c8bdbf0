package org.halyard.daemon.control;

import java.util.List;
import java.util.TreeSet;

import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Clone;

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
        TreeSet<String> notifying = new TreeSet<>();
        for (AgentResource primitive : LocalResourceManager.primitives(cib)) {
            ResourceDefinition.find(cib, primitive.getId(), "").ifPresent(definition -> {
                boolean inClone = definition.lineage().stream().anyMatch(Clone.class::isInstance);
                if (inClone && CibValues.isTrue(definition.meta().get("notify"))) {
                    notifying.add(definition.lineage().stream().filter(Clone.class::isInstance).findFirst()
                            .orElseThrow().getId());
                }
            });
        }
        return notifying.isEmpty() ? List.of()
                : List.of("clone notifications (notify=true on " + String.join(", ", notifying) + ")");
    }
}
