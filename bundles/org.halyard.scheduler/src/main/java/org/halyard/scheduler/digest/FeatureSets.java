package org.halyard.scheduler.digest;

import java.util.Set;

/** Version comparison of CRM feature sets, and the parameters Pacemaker adds to fence devices. */
final class FeatureSets {

    private static final Set<String> FENCING = Set.of("provides", "stonith-timeout",
            "pcmk_action_limit", "pcmk_delay_base", "pcmk_delay_max", "pcmk_host_argument",
            "pcmk_host_check", "pcmk_host_list", "pcmk_host_map");

    private FeatureSets() {
    }

    /** Compares dotted versions numerically; a missing part counts as 0, null as oldest. */
    static int compare(String left, String right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? number(a[i]) : 0;
            long y = i < b.length ? number(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    /** A parameter the fencer interprets itself, not passed to the fence agent. */
    static boolean isFencingParameter(String name) {
        if (FENCING.contains(name)) {
            return true;
        }
        if (!name.startsWith("pcmk_")) {
            return false;
        }
        int underscore = name.indexOf('_', 5);
        String rest = underscore < 0 ? "" : name.substring(underscore);
        return rest.equals("_action") || rest.equals("_timeout") || rest.equals("_retries");
    }

    private static long number(String part) {
        try {
            return Long.parseLong(part.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
