package org.halyard.crmsh.printer;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement as crm shows it: the head line, then continuation lines indented by four
 * spaces (an xml statement's lines keep the XML's own indentation), every line but the last
 * ending in {@code " \"}.
 */
final class Lines {

    static final String INDENT = "    ";

    private final StringBuilder head;
    private final List<String> continuations = new ArrayList<>();
    private final String indent;

    Lines(String head) {
        this(head, INDENT);
    }

    private Lines(String head, String indent) {
        this.head = new StringBuilder(head);
        this.indent = indent;
    }

    /** A statement of lines that are already laid out. */
    static Lines verbatim(List<String> lines) {
        Lines statement = new Lines(lines.get(0), "");
        lines.subList(1, lines.size()).forEach(statement::line);
        return statement;
    }

    /** Appends words to the head line. */
    Lines word(String word) {
        head.append(' ').append(word);
        return this;
    }

    /** Adds a continuation line. */
    Lines line(String line) {
        continuations.add(line);
        return this;
    }

    void appendTo(StringBuilder out) {
        out.append(head);
        for (String line : continuations) {
            out.append(" \\\n").append(indent).append(line);
        }
        out.append('\n');
    }
}
