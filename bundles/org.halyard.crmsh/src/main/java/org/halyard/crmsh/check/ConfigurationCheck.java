package org.halyard.crmsh.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.halyard.cib.model.SourcePosition;
import org.halyard.cib.validation.CibValidator;
import org.halyard.cib.validation.Problem;
import org.halyard.crmsh.ParsedConfiguration;

/**
 * The semantic check of parsed crm text: {@link CibValidator} on the CIB it made (unknown
 * resources and nodes in constraints, fencing, duplicate ids...), with each problem moved to the
 * crm statement that defined the element, so it reads {@code web.crm:14:1: error: ...}.
 */
public final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    /** The problems, errors and warnings, in the order of the text. */
    public static List<Problem> check(ParsedConfiguration parsed) {
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : CibValidator.validate(parsed.cib())) {
            SourcePosition at = parsed.positionOf(problem.elementId()).orElse(problem.location());
            problems.add(new Problem(problem.severity(), problem.check(), problem.elementId(), at,
                    problem.message()));
        }
        problems.sort(Comparator.comparing(Problem::location, Comparator.nullsLast(
                Comparator.comparingInt(SourcePosition::line)
                        .thenComparingInt(SourcePosition::column))));
        return List.copyOf(problems);
    }
}
