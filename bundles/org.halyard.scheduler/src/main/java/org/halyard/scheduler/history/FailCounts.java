package org.halyard.scheduler.history;

import java.util.Map;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.resource.Durations;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * A resource's fail count on a node (the sum of its fail-count attributes, all operations) and
 * when it last failed; with a failure-timeout, failures older than the timeout do not count.
 */
public final class FailCounts {

    private FailCounts() {
    }

    /** The fail count regardless of failure-timeout. */
    public static int raw(String rscId, ClusterNode node) {
        int total = 0;
        for (Map.Entry<String, String> attribute : node.attributes().entrySet()) {
            if (matches(attribute.getKey(), "fail-count-" + rscId)) {
                total = Scores.add(total, Scores.parse(attribute.getValue()));
            }
        }
        return total;
    }

    /** The newest last-failure time (epoch seconds), 0 if none. */
    static long lastFailure(String rscId, ClusterNode node) {
        long last = 0;
        for (Map.Entry<String, String> attribute : node.attributes().entrySet()) {
            if (matches(attribute.getKey(), "last-failure-" + rscId)) {
                try {
                    last = Math.max(last, Long.parseLong(attribute.getValue().trim()));
                } catch (NumberFormatException e) {
                    // an unreadable time does not count
                }
            }
        }
        return last;
    }

    /** The resource's failure-timeout in seconds, 0 when it has none (or it was disabled). */
    public static long timeoutSeconds(ScheduledResource rsc) {
        return rsc.failureTimeoutDisabled ? 0
                : Durations.toMillis(rsc.config().meta().get("failure-timeout")) / 1000;
    }

    /**
     * The name fail counts are recorded under: an anonymous clone's instances share the name
     * of the cloned primitive.
     */
    public static String name(ScheduledResource rsc) {
        ScheduledResource clone = rsc.cloneAncestor();
        return clone != null && !clone.clone.globallyUnique() ? rsc.baseId : rsc.id();
    }

    /** The fail count that counts at {@code now} (epoch seconds): expired failures do not. */
    public static int effective(ScheduledResource rsc, ClusterNode node, long now) {
        int count = raw(name(rsc), node);
        long last = lastFailure(name(rsc), node);
        long timeout = timeoutSeconds(rsc);
        if (count > 0 && last > 0 && timeout > 0 && now > last + timeout) {
            return 0;
        }
        return count;
    }

    private static boolean matches(String name, String prefix) {
        return name.equals(prefix) || name.startsWith(prefix + "#");
    }
}
