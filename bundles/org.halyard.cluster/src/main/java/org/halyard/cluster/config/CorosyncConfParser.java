package org.halyard.cluster.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Reads the syntax of corosync.conf(5) into a tree of {@link ConfSection}s and {@link ConfKey}s,
 * without giving any meaning to names (that is {@link ClusterConfigReader}'s job).
 *
 * <p>The grammar is corosync's own ({@code exec/coroparse.c}), which is line based:
 * <ul>
 * <li>blank lines and lines whose first non-blank character is {@code #} are ignored;</li>
 * <li><code>name &#123;</code> opens a section; nothing but a comment may follow the brace;</li>
 * <li>{@code key: value} sets a key; the key ends at the first colon, so values may contain
 *     colons (IPv6 addresses);</li>
 * <li>a line holding only <code>&#125;</code> closes the innermost section.</li>
 * </ul>
 * Two deliberate extensions, both because admins write them and corosync would otherwise
 * silently mangle the value: a {@code #} after a blank starts a trailing comment
 * ({@code ttl: 1  # one hop}), and a value may be double-quoted ({@code "a # b"}, with
 * {@code \"} and {@code \\} escapes) to keep such characters.
 *
 * <p>A line with a syntax error is skipped and reading goes on, so that all syntax errors are
 * reported at once (each as {@code file:line:col: what is wrong}); skipping a line that is not
 * a brace keeps the nesting intact. Any syntax error makes the whole file unusable.
 */
public final class CorosyncConfParser {

    private CorosyncConfParser() {
    }

    /**
     * Parses corosync.conf text.
     *
     * @param sourceName the file name used in positions and messages
     * @param text       the file content
     * @return the file as a section with the empty name
     * @throws ClusterConfigException listing every syntax error, if there is any
     */
    public static ConfSection parse(String sourceName, String text) {
        return new Run(sourceName).parse(text);
    }

    /** A section still being read, and where it was opened. */
    private record Open(String name, SourcePosition position, List<ConfEntry> entries) {
        ConfSection close() {
            return new ConfSection(name, position, entries);
        }
    }

    private static final class Run {
        private final String source;
        private final Deque<Open> open = new ArrayDeque<>();
        private final List<ConfigDiagnostic> errors = new ArrayList<>();
        private int lineNo;

        Run(String source) {
            this.source = source;
        }

        ConfSection parse(String text) {
            open.push(new Open("", SourcePosition.wholeFile(source), new ArrayList<>()));
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                lineNo = i + 1;
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                parseLine(line);
            }
            if (open.size() > 1) {
                Open innermost = open.peek();
                error(innermost.position(), "section '" + innermost.name()
                        + "' is never closed: missing '}' before the end of the file");
            }
            if (!errors.isEmpty()) {
                throw new ClusterConfigException(errors.stream().sorted(
                        Comparator.comparing(ConfigDiagnostic::position)).toList());
            }
            return open.getLast().close();
        }

        private void parseLine(String line) {
            int start = skipBlanks(line, 0);
            if (start == line.length() || line.charAt(start) == '#') {
                return;
            }
            int mark = firstStructural(line, start);
            if (mark < 0) {
                missingColon(line, start);
            } else if (line.charAt(mark) == '{') {
                openSection(line, start, mark);
            } else if (line.charAt(mark) == ':') {
                addKey(line, start, mark);
            } else {
                closeSection(line, start, mark);
            }
        }

        private void openSection(String line, int start, int brace) {
            String name = stripBlanks(line.substring(start, brace));
            if (name.isEmpty()) {
                error(brace, "missing section name before '{'");
            } else if (containsBlank(name)) {
                error(start, "invalid section name '" + name + "': a section name is a single word");
            }
            boolean clean = requireOnlyComment(line, brace + 1, "'{' (put each key on a line of its own)");
            if (!clean && unquotedValue(line, brace + 1).endsWith("}")) {
                return; // a one-line block such as "name { key: value }" opens nothing: reported, not nested
            }
            // the section is opened even when misnamed, so that its '}' still matches
            open.push(new Open(name, position(start), new ArrayList<>()));
        }

        private void addKey(String line, int start, int colon) {
            String key = stripBlanks(line.substring(start, colon));
            if (key.isEmpty()) {
                error(colon, "missing key name before ':'");
                return;
            }
            if (containsBlank(key)) {
                error(start, "invalid key '" + key + "': a key is a single word");
                return;
            }
            int valueStart = skipBlanks(line, colon + 1);
            String value = valueStart < line.length() && line.charAt(valueStart) == '"'
                    ? quotedValue(line, valueStart)
                    : unquotedValue(line, valueStart);
            if (value == null) {
                return;
            }
            open.peek().entries().add(new ConfKey(key, value, position(start), position(valueStart)));
        }

        private void closeSection(String line, int start, int brace) {
            if (brace != start) {
                error(start, "unexpected text before '}': '" + stripBlanks(line.substring(start, brace)) + "'");
            }
            requireOnlyComment(line, brace + 1, "'}'");
            if (open.size() == 1) {
                error(brace, "unexpected '}': no section is open");
                return;
            }
            ConfSection done = open.pop().close();
            open.peek().entries().add(done);
        }

        private void missingColon(String line, int start) {
            int wordEnd = start;
            while (wordEnd < line.length() && !isBlank(line.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = line.substring(start, wordEnd);
            if (skipBlanks(line, wordEnd) == line.length()) {
                error(start, "'" + word + "' is neither 'key: value', 'section {' nor '}'");
            } else {
                error(wordEnd, "missing ':' after key '" + word + "'");
            }
        }

        private String quotedValue(String line, int quote) {
            StringBuilder value = new StringBuilder();
            int i = quote + 1;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    value.append(line.charAt(i + 1));
                    i += 2;
                } else if (c == '"') {
                    return requireOnlyComment(line, i + 1, "the closing quote") ? value.toString() : null;
                } else {
                    value.append(c);
                    i++;
                }
            }
            error(quote, "unterminated quoted value: missing closing '\"'");
            return null;
        }

        private static String unquotedValue(String line, int valueStart) {
            int end = line.length();
            for (int i = valueStart; i < line.length(); i++) {
                // '#' starts a comment at the start of the value or after a blank, so "a#b" stays intact
                if (line.charAt(i) == '#' && (i == valueStart || isBlank(line.charAt(i - 1)))) {
                    end = i;
                    break;
                }
            }
            return stripBlanks(line.substring(valueStart, end));
        }

        /** Reports text after a brace or quote; true if there is none (a comment is fine). */
        private boolean requireOnlyComment(String line, int from, String after) {
            int next = skipBlanks(line, from);
            if (next < line.length() && line.charAt(next) != '#') {
                error(next, "unexpected text after " + after + ": '" + stripBlanks(line.substring(next)) + "'");
                return false;
            }
            return true;
        }

        private SourcePosition position(int index) {
            return new SourcePosition(source, lineNo, index + 1);
        }

        private void error(int index, String message) {
            error(position(index), message);
        }

        private void error(SourcePosition at, String message) {
            errors.add(new ConfigDiagnostic(ConfigDiagnostic.Severity.ERROR, at, message));
        }
    }

    /** The first ':', '{' or '}' at or after {@code from}, or -1. Like corosync, the first one decides. */
    private static int firstStructural(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '{' || c == '}') {
                return i;
            }
        }
        return -1;
    }

    /** Blanks as corosync counts them: space, tab and the no-break space (0xA0) that web pages leave behind. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    private static boolean containsBlank(String s) {
        return s.chars().anyMatch(c -> isBlank((char) c));
    }

    private static int skipBlanks(String line, int from) {
        int i = from;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripBlanks(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && isBlank(s.charAt(begin))) {
            begin++;
        }
        while (end > begin && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(begin, end);
    }
}
