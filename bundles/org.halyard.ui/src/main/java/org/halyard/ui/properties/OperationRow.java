package org.halyard.ui.properties;

import org.halyard.cib.model.resources.Operation;

/** One configured operation of a primitive, as the operations table shows it. */
public record OperationRow(String name, String interval, String timeout, String role) {

    static OperationRow of(Operation op) {
        return new OperationRow(orEmpty(op.getName()), orEmpty(op.getInterval()), orEmpty(op.getTimeout()),
                orEmpty(op.getRole()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
