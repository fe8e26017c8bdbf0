package org.halyard.crmsh.syntax;

import org.halyard.cib.model.SourcePosition;

/**
 * One word of a statement, with its quotes removed ({@code ip="10.0.0.1"} reads
 * {@code ip=10.0.0.1}) as the crm shell's shell-like splitting does.
 *
 * @param text     the word without quotes
 * @param raw      the word as written
 * @param position where the word starts
 */
public record Token(String text, String raw, SourcePosition position) {

    /** True if the word is a {@code name=value} pair (the name may start with {@code $}). */
    public boolean isPair() {
        return text.indexOf('=') > 0;
    }

    /** The part before the first {@code =}; the whole text when there is none. */
    public String pairName() {
        int eq = text.indexOf('=');
        return eq < 0 ? text : text.substring(0, eq);
    }

    /** The part after the first {@code =}; empty when there is none. */
    public String pairValue() {
        int eq = text.indexOf('=');
        return eq < 0 ? "" : text.substring(eq + 1);
    }

    @Override
    public String toString() {
        return raw;
    }
}
