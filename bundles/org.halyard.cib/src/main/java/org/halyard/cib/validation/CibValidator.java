package org.halyard.cib.validation;

import java.util.List;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;

/**
 * Checks a CIB's configuration the way {@code crm_verify} does, beyond XML well-formedness:
 * unique ids, resolvable references, sensible resource nesting and constraints, and fencing.
 *
 * <p>Each problem names the element by kind and id and carries the position of its start tag,
 * so a message reads {@code cib.xml:42:7: error: colocation "fs_deps" refers to unknown resource
 * "ms_drbd"}. Rules are not evaluated: options set only by rule-based sets are not judged.
 */
public final class CibValidator {

    private CibValidator() {
    }

    /** All problems found, in document order; empty for a clean configuration. */
    public static List<Problem> validate(Cib cib) {
        Configuration configuration = cib.configuration().orElse(null);
        Findings findings = new Findings();
        if (configuration == null) {
            findings.error(Check.MISSING_SECTION, cib, "<cib> has no <configuration>");
            return findings.sorted();
        }
        ConfigurationIndex index = new ConfigurationIndex(configuration);
        IdChecks.check(index, findings);
        ResourceChecks.check(index, findings);
        ConstraintChecks.check(index, findings);
        ReferenceChecks.check(index, findings);
        FencingChecks.check(index, findings);
        return findings.sorted();
    }

    /** True if there is no problem of severity ERROR. */
    public static boolean isValid(Cib cib) {
        return validate(cib).stream().noneMatch(Problem::isError);
    }
}
