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
 * the same ids for generated elements. Differences, each deliberate: repeated
 * {@code property}/{@code rsc_defaults}/{@code op_defaults} statements for one set add to it
 * (crm 4.4 rejects the file with "Duplicate resource"); an agent without class is
 * {@code ocf:heartbeat:<type>} (crm asks the installed agents); page artefacts (curly quotes,
 * wrapped lines, HTML entities) are errors instead of being taken literally.
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
