package org.halyard.cluster.config;

/**
 * One line-level item of a corosync.conf file as written, before any meaning is given to it:
 * a {@link ConfKey} ({@code key: value}) or a {@link ConfSection} ({@code name { ... }}).
 */
public sealed interface ConfEntry permits ConfKey, ConfSection {

    /** The name of the key or section, as written. */
    String name();

    /** Where the name starts. */
    SourcePosition position();
}
