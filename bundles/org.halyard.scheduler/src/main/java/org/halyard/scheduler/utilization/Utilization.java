package org.halyard.scheduler.utilization;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.scheduler.rules.NodeRules;

/** Reads {@code <utilization>} sets: a node's capacities or a resource's requirements. */
public final class Utilization {

    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");

    private Utilization() {
    }

    /**
     * The values of the sets whose rules hold at this time, highest-scored set first.
     */
    public static Map<String, Integer> read(List<? extends AttributeSet> sets, LocalDateTime now) {
        List<AttributeSet> sorted = new ArrayList<>(sets);
        sorted.sort(Comparator.comparingInt(AttributeSet::scoreValue).reversed());
        Map<String, Integer> values = new LinkedHashMap<>();
        for (AttributeSet set : sorted) {
            if (set.rule().isEmpty() || NodeRules.matches(set.rule().get(), Map.of(), now)) {
                set.asMap().forEach((name, value) -> {
                    if (value != null) {
                        values.putIfAbsent(name, value(value));
                    }
                });
            }
        }
        return Map.copyOf(values);
    }

    /**
     * A value as Pacemaker reads it (strtoll, then clipped to int): the leading integer, what
     * follows it ignored ("1.5" is 1, "8GB" is 8); no leading integer at all is 0.
     */
    static int value(String text) {
        Matcher m = LEADING_INTEGER.matcher(text);
        if (!m.find()) {
            return 0;
        }
        BigInteger parsed = new BigInteger(m.group(1));
        return parsed.max(BigInteger.valueOf(Integer.MIN_VALUE))
                .min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }
}
