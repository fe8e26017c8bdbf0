package org.halyard.ui.properties;

/** The property view cannot show or change a resource; the message says which and why. */
public final class PropertiesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PropertiesException(String message) {
        super(message);
    }
}
