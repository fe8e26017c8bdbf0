package org.halyard.crmsh.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halyard.cib.model.SourcePosition;
import org.halyard.crmsh.CrmError;

/**
 * Splits crm configure text into statements and words, as the crm shell does: a line ending
 * in {@code \} continues on the next line, {@code #} starts a comment line, words are separated
 * by spaces and tabs, and {@code "..."} or {@code '...'} quote parts of a word. An {@code xml}
 * statement's XML is not split into words.
 *
 * <p>Text copied from web pages carries artefacts the crm shell would take literally (curly
 * quotes, non-breaking spaces, HTML entities) or choke on (lines wrapped inside a quoted value).
 * They are reported where they are instead of being guessed at; a statement with such an error
 * is left out, and the next one is read as usual.
 */
public final class Tokenizer {

    private static final Pattern HTML_ARTEFACT = Pattern.compile(
            "&(?:quot|amp|lt|gt|apos|nbsp|#[0-9]+|#x[0-9a-fA-F]+);|</?[a-zA-Z]+\\s*/?>");

    private final String source;
    private final int firstLine;
    private final List<String> lines;
    private final List<Statement> statements = new ArrayList<>();
    private final List<CrmError> errors = new ArrayList<>();

    private Tokenizer(String text, String source, int firstLine) {
        this.source = source;
        this.firstLine = firstLine;
        List<String> split = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            split.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        this.lines = split;
    }

    /** The result: statements in order, and the lexical errors found on the way. */
    public record Result(List<Statement> statements, List<CrmError> errors) {
    }

    /**
     * Tokenizes {@code text}; its first line is line {@code firstLine} of {@code source} (so
     * text cut out of a larger document reports positions in that document).
     */
    public static Result tokenize(String text, String source, int firstLine) {
        Tokenizer tokenizer = new Tokenizer(text, source, firstLine);
        tokenizer.run();
        return new Result(List.copyOf(tokenizer.statements), List.copyOf(tokenizer.errors));
    }

    private SourcePosition at(int index, int column) {
        return new SourcePosition(source, firstLine + index, column + 1);
    }

    private void run() {
        SourcePosition dangling = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                i++;
                continue;
            }
            if (isXmlStatement(line)) {
                i = xmlStatement(i, dangling);
                dangling = null;
                continue;
            }
            List<Token> tokens = new ArrayList<>();
            int errorsBefore = errors.size();
            SourcePosition danglingHere = null;
            SourcePosition end;
            while (true) {
                LineEnd lineEnd = tokenizeLine(i, tokens);
                end = lineEnd.end;
                if (lineEnd.unterminatedQuote) {
                    i = skipBrokenContinuation(i);
                    break;
                }
                if (!lineEnd.continued) {
                    break;
                }
                if (i + 1 >= lines.size() || lines.get(i + 1).isBlank()) {
                    danglingHere = lineEnd.end;
                    break;
                }
                i++;
            }
            i++;
            if (errors.size() == errorsBefore && !tokens.isEmpty()) {
                statements.add(new Statement(tokens, end, dangling));
            }
            dangling = danglingHere;
        }
    }

    private static boolean isXmlStatement(String line) {
        String stripped = line.stripLeading();
        return stripped.regionMatches(true, 0, "xml", 0, 3)
                && (stripped.length() == 3 || isSpace(stripped.charAt(3)));
    }

    /**
     * An {@code xml <element>...} statement, which crm prints for what its syntax cannot say:
     * the XML is kept verbatim (quotes, entities and all) as the second word, its lines joined
     * with newlines so positions in it map back to the text. Returns the next line's index.
     */
    private int xmlStatement(int first, SourcePosition dangling) {
        String line = lines.get(first);
        int keyword = line.length() - line.stripLeading().length();
        Token command = new Token(line.substring(keyword, keyword + 3),
                line.substring(keyword, keyword + 3), at(first, keyword));
        int start = keyword + 3;
        while (start < line.length() && isSpace(line.charAt(start))) {
            start++;
        }
        SourcePosition xmlStart = at(first, start);
        StringBuilder xml = new StringBuilder();
        int i = first;
        String rest = line.substring(start);
        while (true) {
            String stripped = rest.stripTrailing();
            boolean continued = stripped.endsWith("\\");
            xml.append(continued ? stripped.substring(0, stripped.length() - 1) : rest);
            if (!continued || i + 1 >= lines.size() || lines.get(i + 1).isBlank()) {
                break;
            }
            xml.append('\n');
            rest = lines.get(++i);
        }
        List<Token> tokens = new ArrayList<>(List.of(command));
        String text = xml.toString();
        if (!text.isBlank()) {
            tokens.add(new Token(text, text, xmlStart));
        }
        statements.add(new Statement(tokens, at(i, lines.get(i).length()), dangling));
        return i + 1;
    }

    /** Skips the line that closes a quote opened on line {@code broken}, and its continuations. */
    private int skipBrokenContinuation(int broken) {
        int i = broken;
        if (i + 1 < lines.size() && countQuotes(lines.get(i + 1)) % 2 == 1) {
            i++;
            while (lines.get(i).stripTrailing().endsWith("\\") && i + 1 < lines.size()
                    && !lines.get(i + 1).isBlank()) {
                i++;
            }
        }
        return i;
    }

    private static int countQuotes(String line) {
        return (int) line.chars().filter(c -> c == '"').count();
    }

    private record LineEnd(boolean continued, boolean unterminatedQuote, SourcePosition end) {
    }

    private LineEnd tokenizeLine(int index, List<Token> tokens) {
        String line = lines.get(index);
        int n = line.length();
        int pos = 0;
        while (true) {
            while (pos < n && isSpace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                return new LineEnd(false, false, at(index, pos));
            }
            if (line.charAt(pos) == '\\' && line.substring(pos + 1).isBlank()) {
                return new LineEnd(true, false, at(index, pos));
            }
            int start = pos;
            StringBuilder text = new StringBuilder();
            while (pos < n && !isSpace(line.charAt(pos))) {
                char c = line.charAt(pos);
                if (c == '"' || c == '\'') {
                    int close = closingQuote(line, pos);
                    if (close < 0) {
                        unterminated(index, pos);
                        return new LineEnd(false, true, at(index, n));
                    }
                    text.append(unescape(line.substring(pos + 1, close), c));
                    pos = close + 1;
                } else {
                    text.append(c);
                    pos++;
                }
            }
            String raw = line.substring(start, pos);
            checkArtefacts(raw, index, start);
            tokens.add(new Token(text.toString(), raw, at(index, start)));
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000b';
    }

    private static int closingQuote(String line, int open) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\' && i + 1 < line.length()) {
                i++; // \" and \\ inside double quotes, as in the shell
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String quoted, char quote) {
        return quote == '"' ? quoted.replace("\\\"", "\"").replace("\\\\", "\\") : quoted;
    }

    private void unterminated(int index, int open) {
        String line = lines.get(index);
        char quote = line.charAt(open);
        String detail = "expected a closing " + quote + " for the value starting with "
                + Words.shorten(line.substring(open + 1)) + ", found end of line";
        if (index + 1 < lines.size() && countQuotes(lines.get(index + 1)) % 2 == 1) {
            String next = lines.get(index + 1).strip();
            detail += " (line " + (firstLine + index + 1) + " goes on with "
                    + Words.shorten(next.split("\\s+")[0])
                    + ": the line was wrapped inside the value, as web pages and mail do)";
        }
        errors.add(new CrmError(at(index, open), detail));
    }

    /** Reports characters that come from web pages and word processors, not from crm. */
    private void checkArtefacts(String raw, int index, int start) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            String what = switch (c) {
                case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033' ->
                        "typographic quote " + c + " (" + codePoint(c)
                                + ") where crm needs a plain \"";
                case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032' ->
                        "typographic quote " + c + " (" + codePoint(c)
                                + ") where crm needs a plain '";
                case '\u00a0', '\u2007', '\u202f' -> "non-breaking space (" + codePoint(c)
                        + ") where crm needs a plain space";
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> "dash " + c
                        + " (" + codePoint(c) + ") where crm needs a plain -";
                default -> null;
            };
            if (what != null) {
                errors.add(new CrmError(at(index, start + i), what + ", found in "
                        + Words.shorten(raw) + " (text copied from a web page or word processor?)"));
                return;
            }
        }
        Matcher html = HTML_ARTEFACT.matcher(raw);
        if (html.find()) {
            String kind = html.group().startsWith("&") ? "HTML entity " : "HTML tag ";
            errors.add(new CrmError(at(index, start + html.start()), kind + html.group()
                    + " in " + Words.shorten(raw)
                    + ": the text was copied from a page's HTML source; write what it stands for"));
        }
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
