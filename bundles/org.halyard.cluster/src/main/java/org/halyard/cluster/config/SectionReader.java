package org.halyard.cluster.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed access to the keys of one section. Every key and section the reader asks for is
 * remembered, so that {@link #finish()} can report the rest: unknown keys as warnings, unknown
 * sections as errors (a misspelt section such as {@code nodelst} would otherwise drop the whole
 * member list). Bad values are errors at the value's position; the default is returned so that
 * reading goes on and every error is reported at once.
 */
final class SectionReader {

    private static final Set<String> TRUE_WORDS = Set.of("yes", "on", "1", "true");
    private static final Set<String> FALSE_WORDS = Set.of("no", "off", "0", "false");

    private final ConfSection section;
    private final String path;
    private final Diagnostics diagnostics;
    private final Map<String, ConfKey> keys = new LinkedHashMap<>();
    private final Set<String> askedKeys = new LinkedHashSet<>();
    private final Set<String> askedSections = new LinkedHashSet<>();

    /**
     * @param path the dotted name of the section as corosync's cmap spells it ({@code totem.interface});
     *             empty for the top level of the file
     */
    SectionReader(ConfSection section, String path, Diagnostics diagnostics) {
        this.section = section;
        this.path = path;
        this.diagnostics = diagnostics;
        for (ConfEntry entry : section.entries()) {
            if (entry instanceof ConfKey key) {
                ConfKey earlier = keys.put(key.name(), key);
                if (earlier != null) {
                    // corosync keeps the last value too; say so, since the first one is what people read
                    diagnostics.warning(key.position(), path(key.name()) + " is set again; '" + key.value()
                            + "' replaces '" + earlier.value() + "' from line " + earlier.position().line());
                }
            }
        }
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    SourcePosition position() {
        return section.position();
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    boolean has(String key) {
        return keys.containsKey(key);
    }

    Optional<ConfKey> key(String key) {
        askedKeys.add(key);
        return Optional.ofNullable(keys.get(key));
    }

    Optional<String> string(String key) {
        return key(key).map(ConfKey::value);
    }

    /** A non-empty string value; an empty one is an error. */
    Optional<String> word(String key) {
        Optional<ConfKey> k = key(key);
        if (k.isPresent() && k.get().value().isEmpty()) {
            error(k.get(), path(key) + ": missing value");
            return Optional.empty();
        }
        return k.map(ConfKey::value);
    }

    long number(String key, long defaultValue, long min, long max) {
        Optional<ConfKey> k = key(key);
        return k.isEmpty() ? defaultValue : number(k.get(), defaultValue, min, max);
    }

    /** Parses a key already taken with {@link #key}. */
    long number(ConfKey k, long defaultValue, long min, long max) {
        long value;
        try {
            value = Long.parseLong(k.value());
        } catch (NumberFormatException e) {
            error(k, path(k.name()) + ": '" + k.value() + "' is not a whole number");
            return defaultValue;
        }
        if (value < min || value > max) {
            error(k, path(k.name()) + ": " + value + " is out of range (" + min + ".." + max + ")");
            return defaultValue;
        }
        return value;
    }

    /** A timeout in milliseconds, corosync's unit for all of them. */
    Duration millis(String key, Duration defaultValue, long minimumMillis) {
        Optional<ConfKey> k = key(key);
        if (k.isEmpty()) {
            return defaultValue;
        }
        long ms;
        try {
            ms = Long.parseLong(k.get().value());
        } catch (NumberFormatException e) {
            error(k.get(), path(key) + ": '" + k.get().value() + "' is not a number of milliseconds");
            return defaultValue;
        }
        if (ms < minimumMillis) {
            error(k.get(), path(key) + ": " + ms + " ms is below the minimum of " + minimumMillis + " ms");
            return defaultValue;
        }
        return Duration.ofMillis(ms);
    }

    /** corosync spells booleans yes/no, on/off or 1/0 depending on the key; all are accepted everywhere. */
    boolean bool(String key, boolean defaultValue) {
        Optional<ConfKey> k = key(key);
        if (k.isEmpty()) {
            return defaultValue;
        }
        String v = k.get().value().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(v)) {
            return true;
        }
        if (FALSE_WORDS.contains(v)) {
            return false;
        }
        error(k.get(), path(key) + ": '" + k.get().value() + "' is not yes or no (also accepted: on/off, 1/0)");
        return defaultValue;
    }

    /** One of an enum's constants, spelt in lower case in the file. */
    <E extends Enum<E>> E choice(String key, E defaultValue, Class<E> type) {
        Optional<ConfKey> k = key(key);
        if (k.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (keyword(constant).equals(k.get().value())) {
                return constant;
            }
        }
        error(k.get(), path(key) + ": '" + k.get().value() + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(SectionReader::keyword).collect(Collectors.joining(", ")));
        return defaultValue;
    }

    static String keyword(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    List<ConfSection> sections(String name) {
        askedSections.add(name);
        return section.sections(name);
    }

    /** A key corosync knows but Halyard has no use for: reported, so it is not silently dropped. */
    void ignore(String key, String why) {
        key(key).ifPresent(k -> diagnostics.warning(k.position(), path(key) + ": ignored: " + why));
    }

    void ignoreAll(Map<String, String> reasonsByKey) {
        reasonsByKey.forEach(this::ignore);
    }

    void error(ConfKey key, String message) {
        diagnostics.error(key.valuePosition(), message);
    }

    /** Reports every key and section nobody asked for. Call once, after reading. */
    void finish() {
        Set<String> seen = new HashSet<>();
        for (ConfEntry entry : section.entries()) {
            if (entry instanceof ConfKey key && !askedKeys.contains(key.name()) && seen.add(key.name())) {
                diagnostics.warning(key.position(),
                        path(key.name()) + ": unknown key" + suggestion(key.name(), askedKeys) + "; ignored");
            } else if (entry instanceof ConfSection s && !askedSections.contains(s.name())) {
                diagnostics.error(s.position(), "unknown section '" + path(s.name()) + "'"
                        + suggestion(s.name(), askedSections));
            }
        }
    }

    /** " (did you mean 'x'?)" for a near miss among the names this section knows, else "". */
    static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = editDistance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int tolerance = Math.max(1, Math.min(name.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= tolerance ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance; names are short, so the quadratic table is fine. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
