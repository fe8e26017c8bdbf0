package org.halyard.crmsh.parser;

import java.util.ArrayList;
import java.util.List;
import org.halyard.cib.model.SourcePosition;
import org.halyard.crmsh.syntax.Token;

/**
 * Separates set brackets from the words they touch: crm prints {@code ( a b )} but people
 * write {@code (a b)} too; likewise the braces around a location's sets. Only in constraints,
 * where brackets cannot be part of an id.
 */
final class BracketSplitter {

    private static final String OPENERS = "([{";
    private static final String CLOSERS = ")]}";

    private BracketSplitter() {
    }

    static boolean isBracket(Token token) {
        return token.text().length() == 1 && (OPENERS + CLOSERS).contains(token.text());
    }

    static List<Token> split(List<Token> tokens) {
        List<Token> result = new ArrayList<>();
        for (Token token : tokens) {
            String text = token.text();
            if (token.raw().contains("\"") || token.raw().contains("'") || text.length() == 1) {
                result.add(token);
                continue;
            }
            int start = 0;
            int end = text.length();
            while (start < end && OPENERS.indexOf(text.charAt(start)) >= 0) {
                result.add(at(token, text.substring(start, start + 1), start));
                start++;
            }
            int closers = end;
            while (closers > start && CLOSERS.indexOf(text.charAt(closers - 1)) >= 0) {
                closers--;
            }
            if (start < closers) {
                result.add(at(token, text.substring(start, closers), start));
            }
            for (int i = closers; i < end; i++) {
                result.add(at(token, text.substring(i, i + 1), i));
            }
        }
        return result;
    }

    private static Token at(Token token, String text, int offset) {
        SourcePosition p = token.position();
        return new Token(text, text, new SourcePosition(p.source(), p.line(), p.column() + offset));
    }
}
