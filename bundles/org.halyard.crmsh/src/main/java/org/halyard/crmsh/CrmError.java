package org.halyard.crmsh;

import org.halyard.cib.model.SourcePosition;

/**
 * One problem found in crm shell text.
 *
 * @param position where it is ({@code file:line:col})
 * @param detail   what was found and what was expected, without the position
 */
public record CrmError(SourcePosition position, String detail) {

    /** {@code web.crm:12:34: expected ..., found ...}, the form editors jump to. */
    @Override
    public String toString() {
        return position + ": " + detail;
    }
}
