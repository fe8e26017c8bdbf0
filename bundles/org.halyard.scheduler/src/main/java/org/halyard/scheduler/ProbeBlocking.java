package org.halyard.scheduler;

import java.util.Collection;
import java.util.List;
import org.halyard.cib.model.CibValues;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.ActionTable;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * A resource active nowhere must not start while it cannot be probed on a node that may be
 * running it: a member still joining (pending) is online but runs no actions, so its probe is
 * unrunnable and blocks the start (Pacemaker's pcmk__probe_rsc_on_node orders the unrunnable
 * probe before the top-level start with runnable-left). An active resource keeps running.
 */
final class ProbeBlocking {

    private ProbeBlocking() {
    }

    static void apply(ClusterOptions options, Collection<ClusterNode> nodes,
            List<ScheduledResource> topLevel, ActionTable actions) {
        if (!CibValues.parseBoolean(options.options().get("enable-startup-probes"))
                .orElse(true)) {
            return;
        }
        List<String> unprobeable = nodes.stream()
                .filter(n -> n.online() && !n.unclean() && n.pending())
                .map(ClusterNode::uname).toList();
        if (unprobeable.isEmpty()) {
            return;
        }
        for (ScheduledResource top : topLevel) {
            if (top.orphan || active(top) || unprobeable.stream().allMatch(n -> known(top, n))) {
                continue;
            }
            for (Action start : actions.find(top, "start", null)) {
                start.clearRunnable();
            }
        }
    }

    private static boolean active(ScheduledResource rsc) {
        return rsc.primitives().stream().anyMatch(p -> !p.runningOn.isEmpty());
    }

    /**
     * Whether the state of the resource on the node is known, so no probe is needed there: an
     * anonymous clone probes one instance, which any instance's history stands for.
     */
    private static boolean known(ScheduledResource top, String node) {
        List<ScheduledResource> probed = top.primitives().stream()
                .filter(p -> p.container == null && !p.orphan).toList();
        boolean anonymous = top.clone != null && !top.clone.globallyUnique();
        if (anonymous) {
            return probed.isEmpty() || probed.stream().anyMatch(p -> p.knownOn.contains(node));
        }
        return probed.stream().allMatch(p -> p.knownOn.contains(node));
    }
}
