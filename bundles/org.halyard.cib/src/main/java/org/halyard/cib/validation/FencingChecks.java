package org.halyard.cib.validation;

import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.attributes.ClusterPropertySet;
import org.halyard.cib.model.attributes.NvPair;
import org.halyard.cib.model.fencing.FencingLevel;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.CrmConfig;

/**
 * Fencing: with stonith-enabled (true unless configured otherwise) Pacemaker will not start any
 * resource until a fencing device exists; and fencing levels should name devices that exist.
 */
final class FencingChecks {

    private FencingChecks() {
    }

    static void check(ConfigurationIndex index, Findings findings) {
        stonithDevices(index, findings);
        topology(index, findings);
    }

    private static void stonithDevices(ConfigurationIndex index, Findings findings) {
        CrmConfig crmConfig = index.configuration.crmConfig().orElseGet(CrmConfig::new);
        Optional<Option> enabled = option(crmConfig, "stonith-enabled");
        if (enabled.isEmpty()) {
            return; // decided by a rule, which only the cluster can evaluate
        }
        // An invalid value is replaced by the default, true, as in Pacemaker.
        boolean stonithEnabled = enabled.get().value() == null
                || CibValues.parseBoolean(enabled.get().value()).orElse(Boolean.TRUE);
        Optional<Option> watchdog = option(crmConfig, "have-watchdog");
        boolean watchdogFencing = watchdog.isPresent() && CibValues.isTrue(watchdog.get().value());
        if (!stonithEnabled || watchdogFencing || hasFencingDevice(index)) {
            return;
        }
        CibElement at = enabled.get().definedBy() != null ? enabled.get().definedBy()
                : index.configuration.resources().map(CibElement.class::cast)
                        .orElse(index.configuration);
        // Pacemaker's wording (unpack_resources), as admins search for it.
        findings.error(Check.NO_FENCING_DEVICE, at, "Resource start-up disabled since no STONITH"
                + " resources have been defined; either configure some or disable STONITH with"
                + " the stonith-enabled option");
    }

    private static boolean hasFencingDevice(ConfigurationIndex index) {
        Resources resources = index.configuration.resources().orElseGet(Resources::new);
        for (Resource resource : resources.allResources()) {
            if (resource instanceof Primitive primitive
                    && "stonith".equalsIgnoreCase(index.agentClass(primitive))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A cluster option's value and the pair that sets it (null value and pair: the default).
     * Empty when a rule-based property set could decide it.
     */
    private record Option(String value, NvPair definedBy) {
    }

    private static Optional<Option> option(CrmConfig crmConfig, String name) {
        for (ClusterPropertySet set : crmConfig.inPrecedenceOrder()) {
            if (set.isConditional()) {
                if (set.value(name).isPresent()) {
                    return Optional.empty();
                }
                continue;
            }
            for (NvPair pair : set.nvPairs()) {
                if (name.equals(pair.getName()) && pair.getIdRef() == null) {
                    return Optional.of(new Option(pair.getValue(), pair));
                }
            }
        }
        return Optional.of(new Option(null, null));
    }

    private static void topology(ConfigurationIndex index, Findings findings) {
        List<FencingLevel> levels = index.configuration.fencingTopology()
                .map(FencingTopology::levels).orElse(List.of());
        for (FencingLevel level : levels) {
            for (String device : level.deviceIds()) {
                if (index.resource(device).isEmpty()) {
                    findings.warning(Check.UNKNOWN_REFERENCE, level, "fencing-level \""
                            + level.getId() + "\" refers to unknown device \"" + device + "\"");
                }
            }
        }
    }
}
