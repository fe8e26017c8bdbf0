package org.halyard.cib.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.halyard.cib.CibException;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;

/**
 * Checks a CIB the way {@code crm_verify} does, beyond XML well-formedness: against the RelaxNG
 * schema its {@code validate-with} names ({@link #verify(Path, Path)}), and semantically: unique
 * ids, resolvable references, sensible resource nesting and constraints, and fencing.
 *
 * <p>Each problem carries the position of the start tag of the element concerned and, for the
 * semantic checks, names the element by kind and id, so a message reads {@code cib.xml:42:7:
 * error: colocation "fs_deps" refers to unknown resource "ms_drbd"}. Rules are not evaluated:
 * options set only by rule-based sets are not judged.
 */
public final class CibValidator {

    /** Where Pacemaker installs its schemas (packages pacemaker-common, pacemaker-schemas). */
    public static final Path DEFAULT_SCHEMA_DIR = Path.of("/usr/share/pacemaker");

    private CibValidator() {
    }

    /** All semantic problems found, in document order; empty for a clean configuration. */
    public static List<Problem> validate(Cib cib) {
        Findings findings = new Findings();
        check(cib, findings);
        return findings.sorted();
    }

    /** True if there is no semantic problem of severity ERROR. */
    public static boolean isValid(Cib cib) {
        return validate(cib).stream().noneMatch(Problem::isError);
    }

    /**
     * crm_verify on a file: its schema problems (schemas from {@code schemaDir}, e.g.
     * {@link #DEFAULT_SCHEMA_DIR}) and its semantic problems, together in document order.
     *
     * @throws CibException if the file cannot be read or is not a well-formed CIB
     */
    public static List<Problem> verify(Path file, Path schemaDir) {
        Cib cib = CibXml.load(file);
        try (InputStream document = Files.newInputStream(file)) {
            return verify(cib, document, file.toString(), schemaDir);
        } catch (IOException e) {
            throw new CibException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** {@link #verify(Path, Path)} for a document held in a string. */
    public static List<Problem> verify(String xml, String sourceName, Path schemaDir) {
        Cib cib = CibXml.parse(xml, sourceName);
        return verify(cib, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                sourceName, schemaDir);
    }

    private static List<Problem> verify(Cib cib, InputStream document, String sourceName,
            Path schemaDir) {
        Findings findings = new Findings();
        // Schema problems first, so that at one position they come first, as in crm_verify.
        SchemaValidator.validate(document, sourceName, schemaDir, findings);
        check(cib, findings);
        return findings.sorted();
    }

    private static void check(Cib cib, Findings findings) {
        Configuration configuration = cib.configuration().orElse(null);
        if (configuration == null) {
            findings.error(Check.MISSING_SECTION, cib, "<cib> has no <configuration>");
            return;
        }
        ConfigurationIndex index = new ConfigurationIndex(configuration);
        IdChecks.check(index, findings);
        ResourceChecks.check(index, findings);
        ConstraintChecks.check(index, findings);
        ReferenceChecks.check(index, findings);
        FencingChecks.check(index, findings);
    }
}
