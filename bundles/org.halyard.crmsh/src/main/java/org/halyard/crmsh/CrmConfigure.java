package org.halyard.crmsh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.validation.Problem;
import org.halyard.crmsh.check.ConfigurationCheck;
import org.halyard.crmsh.parser.StatementParser;
import org.halyard.crmsh.printer.CrmPrinter;
import org.halyard.crmsh.syntax.Tokenizer;

/**
 * The crm shell's {@code configure} language: text to CIB ({@link #parse}), CIB to the text
 * {@code crm configure show} prints ({@link #print}), and the semantic check ({@link #check}).
 *
 * <p>Parsing is what {@code crm configure load update} does with a file on an empty CIB, with
 * the same ids for generated elements and the objects of a section in crm's order. Differences,
 * each deliberate: repeated {@code property}/{@code rsc_defaults}/{@code op_defaults}
 * statements for one set add to it (crm 4.4 rejects the file with "Duplicate resource"); an
 * agent without class is {@code ocf:heartbeat:<type>} (crm asks the installed agents); page
 * artefacts (curly quotes, wrapped lines, HTML entities) are errors instead of being taken
 * literally; where crm silently keeps the last of two xpaths (refs, tags) in one ACL rule, or
 * writes what the schema then rejects ({@code user}, {@code role:} in acl_target), this says
 * so; braces of location sets may touch the words ({@code {a b}}), as brackets may.
 *
 * <p>Printing is what {@code crm configure show} prints, objects crm syntax cannot say shown as
 * {@code xml <element>} statements as crm does (which load back with their ids), except: four
 * spaces instead of a tab before continuation lines, the attributes of XML and of a bundle's
 * parts in the order Halyard's CIB holds them and date fields in crm's order of them, rather
 * than as written, and podman bundles as xml (crm 4.4 knows docker and rkt only; its show
 * fails on podman). Ids crm syntax has no place for (fencing levels, ACL permissions,
 * expressions, rules nothing refers to...) get crm's generated ids when the text is loaded, as
 * with crm.
 */
public final class CrmConfigure {

    private CrmConfigure() {
    }

    /**
     * Parses crm configure text.
     *
     * @param source how messages name the text, e.g. the file name
     * @throws CrmSyntaxException with every error found, if any statement is broken
     */
    public static ParsedConfiguration parse(String text, String source) {
        return parse(text, source, 1);
    }

    /**
     * Parses text that starts at line {@code firstLine} of {@code source} (text cut out of a
     * larger document), so positions point into that document.
     */
    public static ParsedConfiguration parse(String text, String source, int firstLine) {
        Tokenizer.Result tokens = Tokenizer.tokenize(text, source, firstLine);
        StatementParser.Outcome outcome = StatementParser.parse(tokens.statements());
        List<CrmError> errors = new ArrayList<>(tokens.errors());
        errors.addAll(outcome.errors());
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt((CrmError e) -> e.position().line())
                    .thenComparingInt(e -> e.position().column()));
            throw new CrmSyntaxException(errors);
        }
        return new ParsedConfiguration(outcome.cib(), outcome.positions());
    }

    /**
     * Reads and parses a crm file (UTF-8).
     *
     * @throws IOException if it cannot be read
     */
    public static ParsedConfiguration load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The configuration as crm configure show prints it. */
    public static String print(Configuration configuration) {
        return CrmPrinter.print(configuration);
    }

    /** Semantic problems of parsed text, located at the crm statements. */
    public static List<Problem> check(ParsedConfiguration parsed) {
        return ConfigurationCheck.check(parsed);
    }
}
