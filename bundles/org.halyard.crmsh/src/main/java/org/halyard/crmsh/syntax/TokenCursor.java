package org.halyard.crmsh.syntax;

import java.util.List;
import java.util.Locale;
import org.halyard.cib.model.SourcePosition;
import org.halyard.crmsh.CrmError;

/** Reads the words of one statement left to right and words errors the same way everywhere. */
public final class TokenCursor {

    private final Statement statement;
    private final List<Token> tokens;
    private int index;

    public TokenCursor(Statement statement) {
        this.statement = statement;
        this.tokens = statement.tokens();
    }

    public Statement statement() {
        return statement;
    }

    public boolean atEnd() {
        return index >= tokens.size();
    }

    /** The next word, or null at the end. */
    public Token peek() {
        return atEnd() ? null : tokens.get(index);
    }

    /** The word after the next one, or null. */
    public Token peekSecond() {
        return index + 1 < tokens.size() ? tokens.get(index + 1) : null;
    }

    public Token next() {
        if (atEnd()) {
            throw new IllegalStateException("no more words");
        }
        return tokens.get(index++);
    }

    /** Steps back one word (after looking at it with {@link #next()}). */
    public void back() {
        index--;
    }

    /** Number of words not read yet. */
    public int remaining() {
        return tokens.size() - index;
    }

    /** True if the next word is one of {@code keywords} (case-insensitive, as crm reads them). */
    public boolean peekIs(String... keywords) {
        Token token = peek();
        if (token == null) {
            return false;
        }
        for (String keyword : keywords) {
            if (token.text().equalsIgnoreCase(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Consumes the next word if it is {@code keyword}. */
    public boolean accept(String keyword) {
        if (peekIs(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    /** The next word, which must be there; {@code what} describes it for the error. */
    public Token expectWord(String what) {
        if (atEnd()) {
            throw expected(what);
        }
        return next();
    }

    /**
     * "expected WHAT after "words read so far", found "next word"" (or "found end of line"), at
     * the next word or at the end of the statement.
     */
    public StatementError expected(String what) {
        return expected(what, "");
    }

    /** As {@link #expected(String)}, with a hint appended (e.g. " (a cut-off line?)"). */
    public StatementError expected(String what, String hint) {
        String found = atEnd() ? "end of line" : Words.shorten(peek().raw());
        SourcePosition where = atEnd() ? statement.end() : peek().position();
        return new StatementError(new CrmError(where, "expected " + what + " after "
                + Words.context(tokens.subList(0, index)) + ", found " + found + hint));
    }

    /** An error about a word already read. */
    public static StatementError at(Token token, String detail) {
        return new StatementError(new CrmError(token.position(), detail));
    }

    /** The keyword as written, lower-cased: how crm compares keywords. */
    public static String keyword(Token token) {
        return token.text().toLowerCase(Locale.ROOT);
    }
}
