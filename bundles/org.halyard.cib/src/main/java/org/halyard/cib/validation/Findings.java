package org.halyard.cib.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.SourcePosition;

/** Collects problems while the checks run. */
final class Findings {

    private final List<Problem> problems = new ArrayList<>();

    void error(Check check, CibElement where, String message) {
        add(Severity.ERROR, check, where, message);
    }

    void warning(Check check, CibElement where, String message) {
        add(Severity.WARNING, check, where, message);
    }

    void add(Severity severity, Check check, CibElement where, String message) {
        add(severity, check, where, where == null ? null : where.getId(), message);
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    /** A problem about {@code elementId}, reported at the position of {@code where}. */
    void add(Severity severity, Check check, CibElement where, String elementId, String message) {
        add(new Problem(severity, check, elementId,
                where == null ? null : where.position().orElse(null), message));
    }

    /** In document order (then in the order found); problems without a position last. */
    List<Problem> sorted() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::location,
                Comparator.nullsLast(Comparator.comparingInt(SourcePosition::line)
                        .thenComparingInt(SourcePosition::column))));
        return List.copyOf(sorted);
    }

    /** {@code <primitive> at cib.xml:3:5}, or just {@code <primitive>} without a position. */
    static String describeAt(CibElement element) {
        return "<" + element.elementName() + ">"
                + element.position().map(position -> " at " + position).orElse("");
    }
}
