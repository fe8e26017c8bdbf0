package org.halyard.crmsh.printer;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement as crm shows it: the head line, then continuation lines indented by four
 * spaces, every line but the last ending in {@code " \"}.
 */
final class Lines {

    static final String INDENT = "    ";

    private final StringBuilder head;
    private final List<String> continuations = new ArrayList<>();

    Lines(String head) {
        this.head = new StringBuilder(head);
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
            out.append(" \\\n").append(INDENT).append(line);
        }
        out.append('\n');
    }
}
