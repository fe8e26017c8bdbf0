package org.halyard.agents.metadata;

import java.util.Objects;
import java.util.Optional;

/**
 * One instance attribute an agent accepts, from its {@code <parameter>} element.
 *
 * @param type         the {@code <content type>}: string, integer, boolean, ... ("string" if not given)
 * @param defaultValue the {@code <content default>}, if the agent declares one
 */
public record ParameterDescription(String name, boolean required, boolean unique, String type,
        Optional<String> defaultValue, String shortdesc, String longdesc) {

    public ParameterDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        shortdesc = Objects.requireNonNullElse(shortdesc, "");
        longdesc = Objects.requireNonNullElse(longdesc, "");
    }
}
