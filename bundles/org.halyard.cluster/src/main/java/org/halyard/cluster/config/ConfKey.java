package org.halyard.cluster.config;

import java.util.Objects;

/**
 * A {@code key: value} line.
 *
 * @param name          the key, as written
 * @param value         the value without surrounding blanks, quotes or trailing comment; may be empty
 * @param position      where the key starts
 * @param valuePosition where the value starts (for messages about bad values)
 */
public record ConfKey(String name, String value, SourcePosition position, SourcePosition valuePosition)
        implements ConfEntry {

    public ConfKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(valuePosition, "valuePosition");
    }
}
