package org.halyard.crmsh.parser;

import java.util.HashSet;
import java.util.Set;

/**
 * Ids of generated elements, made as the crm shell makes them so that a CIB loaded by either
 * tool has the same ids: {@code <owner>-<what>} ({@code web-instance_attributes},
 * {@code web-monitor-10s}), and when that is taken {@code -0}, {@code -1}... appended.
 */
final class IdAllocator {

    private final Set<String> used = new HashSet<>();

    /** Marks an id chosen by the admin as used; false if it was used already. */
    boolean claim(String id) {
        return used.add(id);
    }

    boolean isUsed(String id) {
        return used.contains(id);
    }

    /** A new id from {@code base}, unique in this configuration. */
    String generate(String base) {
        String id = sanitize(base);
        if (used.add(id)) {
            return id;
        }
        for (int n = 0;; n++) {
            String candidate = id + "-" + n;
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }

    /** Characters an XML id cannot hold (from intervals like {@code 1min30s} there are none). */
    private static String sanitize(String base) {
        StringBuilder id = new StringBuilder(base.length());
        for (char c : base.toCharArray()) {
            id.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        return id.toString();
    }
}
