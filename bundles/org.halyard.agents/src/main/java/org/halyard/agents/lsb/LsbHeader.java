package org.halyard.agents.lsb;

import java.util.Optional;

/**
 * The {@code ### BEGIN INIT INFO} comment block of an init script (LSB 5.0, "Comment Conventions for Init
 * Scripts"): only the descriptions, which are all the meta-data an init script can offer.
 */
record LsbHeader(Optional<String> shortDescription, Optional<String> description) {

    static LsbHeader parse(String script) {
        String shortDescription = null;
        StringBuilder description = null;
        boolean inBlock = false;
        boolean inDescription = false;
        for (String line : script.split("\\R")) {
            if (line.startsWith("### BEGIN INIT INFO")) {
                inBlock = true;
            } else if (line.startsWith("### END INIT INFO")) {
                break;
            } else if (inBlock && line.startsWith("#")) {
                String body = line.substring(1);
                if (inDescription && (body.startsWith("\t") || body.startsWith("  "))) {
                    description.append(' ').append(body.strip()); // continuation line
                    continue;
                }
                inDescription = false;
                String stripped = body.strip();
                if (stripped.startsWith("Short-Description:")) {
                    shortDescription = stripped.substring("Short-Description:".length()).strip();
                } else if (stripped.startsWith("Description:")) {
                    description = new StringBuilder(stripped.substring("Description:".length()).strip());
                    inDescription = true;
                }
            }
        }
        return new LsbHeader(Optional.ofNullable(shortDescription),
                Optional.ofNullable(description).map(StringBuilder::toString));
    }
}
