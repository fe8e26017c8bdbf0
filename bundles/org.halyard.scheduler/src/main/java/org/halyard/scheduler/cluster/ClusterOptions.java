package org.halyard.scheduler.cluster;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.CrmConfig;
import org.halyard.cib.model.Score;
import org.halyard.cib.model.attributes.ClusterPropertySet;

/**
 * The cluster options the scheduler reads from crm_config, with Pacemaker's defaults.
 *
 * @param options every option as configured (first set in precedence order wins)
 * @param now     the time rules are evaluated at (UTC): the clock, or a simulation's date
 */
public record ClusterOptions(boolean stonithEnabled, boolean symmetricCluster,
        NoQuorumPolicy noQuorumPolicy, boolean haveQuorum, boolean stopAllResources,
        boolean maintenanceMode, boolean startFailureIsFatal, boolean startupFencing,
        boolean stopOrphanResources, String placementStrategy, String stonithAction,
        int defaultStickiness, String dcUuid, Map<String, String> options,
        LocalDateTime now) {

    public ClusterOptions {
        options = Map.copyOf(options);
    }

    /** Reads crm_config of a CIB; conditional property sets are not evaluated. */
    public static ClusterOptions read(Cib cib) {
        Map<String, String> options = new HashMap<>();
        cib.configuration().flatMap(Configuration::crmConfig).map(CrmConfig::inPrecedenceOrder)
                .ifPresent(sets -> {
                    for (ClusterPropertySet set : sets) {
                        if (!set.isConditional()) {
                            set.asMap().forEach((k, v) -> {
                                if (v != null) {
                                    options.putIfAbsent(k, v);
                                }
                            });
                        }
                    }
                });
        boolean stonith = bool(options, "stonith-enabled", true);
        return new ClusterOptions(stonith, bool(options, "symmetric-cluster", true),
                quorumPolicy(cib, options, stonith), cib.hasQuorum(),
                bool(options, "stop-all-resources", false),
                bool(options, "maintenance-mode", false),
                bool(options, "start-failure-is-fatal", true),
                stonith && bool(options, "startup-fencing", true),
                bool(options, "stop-orphan-resources", true),
                options.getOrDefault("placement-strategy", "default"),
                options.getOrDefault("stonith-action", "reboot"),
                Score.parse(options.get("default-resource-stickiness")).map(Score::value)
                        .orElse(0),
                cib.getDcUuid(), options, LocalDateTime.now(ZoneOffset.UTC));
    }

    /**
     * The configured no-quorum-policy, except that suicide falls back to stop (as Pacemaker's
     * unpack_config does) without fencing, and in a partition that never had quorum unless
     * the CIB says no-quorum-panic: a node that never joined a quorate cluster must not fence
     * the others.
     */
    private static NoQuorumPolicy quorumPolicy(Cib cib, Map<String, String> options,
            boolean stonith) {
        NoQuorumPolicy policy = NoQuorumPolicy.parse(options.get("no-quorum-policy"));
        if (policy != NoQuorumPolicy.SUICIDE) {
            return policy;
        }
        boolean panic = CibValues.parseBoolean(cib.getNoQuorumPanic()).orElse(false);
        return stonith && (panic || cib.hasQuorum()) ? policy : NoQuorumPolicy.STOP;
    }

    /** These options with rules evaluated at another time. */
    public ClusterOptions at(LocalDateTime time) {
        return new ClusterOptions(stonithEnabled, symmetricCluster, noQuorumPolicy, haveQuorum,
                stopAllResources, maintenanceMode, startFailureIsFatal, startupFencing,
                stopOrphanResources, placementStrategy, stonithAction, defaultStickiness,
                dcUuid, options, time);
    }

    private static boolean bool(Map<String, String> options, String name, boolean fallback) {
        return CibValues.parseBoolean(options.get(name)).orElse(fallback);
    }

    /** The no-quorum-policy that applies now: ignore when the partition has quorum. */
    public NoQuorumPolicy effectiveQuorumPolicy() {
        return haveQuorum ? NoQuorumPolicy.IGNORE : noQuorumPolicy;
    }
}
