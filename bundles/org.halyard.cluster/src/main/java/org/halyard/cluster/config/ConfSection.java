package org.halyard.cluster.config;

import java.util.List;
import java.util.Objects;

/**
 * A {@code name { ... }} block with its entries in file order. The file itself is a section with
 * the empty name whose position is the whole file.
 *
 * @param name     the section name, as written ({@code ""} for the file)
 * @param position where the name starts
 * @param entries  keys and nested sections, in file order
 */
public record ConfSection(String name, SourcePosition position, List<ConfEntry> entries) implements ConfEntry {

    public ConfSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        entries = List.copyOf(entries);
    }

    /** The nested sections called {@code sectionName}, in file order. */
    public List<ConfSection> sections(String sectionName) {
        return entries.stream()
                .filter(e -> e instanceof ConfSection s && s.name().equals(sectionName))
                .map(ConfSection.class::cast)
                .toList();
    }
}
