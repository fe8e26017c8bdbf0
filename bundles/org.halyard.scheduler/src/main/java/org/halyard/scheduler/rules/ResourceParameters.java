package org.halyard.scheduler.rules;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.NvPair;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Resource;

/**
 * A resource's parameters as the agent receives them on one node (Pacemaker's
 * pe_rsc_params): its own instance attributes, then its parents', each set chosen by score and
 * rule, the first value of a name winning.
 */
public final class ResourceParameters {

    private ResourceParameters() {
    }

    /**
     * @param lineage the resource first, then its parents outward
     * @param nodeAttributes the node's attributes, for rules
     * @param now the time rules are evaluated at (UTC)
     */
    public static Map<String, String> of(List<Resource> lineage,
            Map<String, String> nodeAttributes, LocalDateTime now) {
        Map<String, String> params = new HashMap<>();
        for (Resource rsc : lineage) {
            evaluate(rsc.instanceAttributes(), nodeAttributes, now, params);
        }
        return params;
    }

    /** The instance attributes of an operation ({@code <op><instance_attributes>}). */
    public static Map<String, String> of(Operation op, Map<String, String> nodeAttributes,
            LocalDateTime now) {
        Map<String, String> params = new HashMap<>();
        evaluate(op.instanceAttributes(), nodeAttributes, now, params);
        return params;
    }

    /** Adds the pairs of the applicable sets, higher score first; an earlier value wins. */
    public static void evaluate(List<? extends AttributeSet> sets, Map<String, String> nodeAttributes,
            LocalDateTime now, Map<String, String> into) {
        List<AttributeSet> sorted = new ArrayList<>(sets);
        sorted.sort(Comparator.comparingInt(AttributeSet::scoreValue).reversed());
        for (AttributeSet set : sorted) {
            if (set.rule().isPresent()
                    && !NodeRules.matches(set.rule().get(), nodeAttributes, now)) {
                continue;
            }
            for (NvPair pair : set.nvPairs()) {
                if (pair.getName() != null && pair.getValue() != null) {
                    into.putIfAbsent(pair.getName(), pair.getValue());
                }
            }
        }
    }
}
