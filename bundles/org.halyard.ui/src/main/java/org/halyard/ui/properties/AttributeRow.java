package org.halyard.ui.properties;

/**
 * One row of the parameter or meta-attribute table: what the CIB sets (null: nothing), and for a
 * parameter what the agent's meta-data says of it.
 */
public record AttributeRow(AttributeKind kind, String name, String value, String defaultValue, boolean required,
        String description) {

    /** The value, else "(default: X)" from the agent, else empty. */
    public String shownValue() {
        if (value != null) {
            return value;
        }
        return defaultValue == null ? "" : "(default: " + defaultValue + ")";
    }

    public boolean isSet() {
        return value != null;
    }
}
