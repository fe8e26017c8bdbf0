package org.halyard.crmsh;

import java.util.Map;
import java.util.Optional;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.SourcePosition;

/**
 * A CIB made from crm text, and where in the text each of its ids was defined (generated ids
 * point at the statement that made them), so later checks can point at the crm line.
 *
 * @param cib       a CIB at version 0.0.0 with the configuration and an empty status
 * @param positions id → statement position
 */
public record ParsedConfiguration(Cib cib, Map<String, SourcePosition> positions) {

    public ParsedConfiguration {
        positions = Map.copyOf(positions);
    }

    public Configuration configuration() {
        return cib.configuration().orElseThrow();
    }

    /** Where the element with this id was defined, if it came from the text. */
    public Optional<SourcePosition> positionOf(String id) {
        return Optional.ofNullable(id == null ? null : positions.get(id));
    }
}
