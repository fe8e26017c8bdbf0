package org.halyard.crmsh.syntax;

import java.util.List;
import org.halyard.cib.model.SourcePosition;

/**
 * One crm configure statement: the words of a line and its {@code \}-continued lines.
 *
 * @param tokens           the words, at least one; an {@code xml} statement has one more, its
 *                         XML verbatim, lines joined by newlines
 * @param end              just after the last word, for "found end of line" errors
 * @param afterDanglingContinuation where the previous statement ended with a {@code \} followed
 *                         by a blank line, or null: then a statement starting with {@code meta},
 *                         {@code op}... is most likely a cut-off continuation
 */
public record Statement(List<Token> tokens, SourcePosition end,
        SourcePosition afterDanglingContinuation) {

    public Statement {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a statement has at least one word");
        }
    }

    public Token command() {
        return tokens.get(0);
    }

    public SourcePosition position() {
        return tokens.get(0).position();
    }
}
