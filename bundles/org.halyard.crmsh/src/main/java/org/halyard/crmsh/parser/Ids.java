package org.halyard.crmsh.parser;

import java.util.regex.Pattern;
import org.halyard.crmsh.syntax.StatementError;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;
import org.halyard.crmsh.syntax.Words;

/** Checks ids the admin writes: they become XML ids, which Pacemaker's schema requires. */
final class Ids {

    private static final Pattern XML_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private Ids() {
    }

    static boolean isValid(String id) {
        return XML_ID.matcher(id).matches();
    }

    /** The token's text as an id of {@code what}, or an error saying why it cannot be one. */
    static String require(Token token, String what) {
        String id = token.text();
        if (!isValid(id)) {
            throw TokenCursor.at(token, Words.shorten(token.raw()) + " is not a valid id for "
                    + what + ": an id starts with a letter or _ and has only letters, digits,"
                    + " _, - and ." + hint(id));
        }
        return id;
    }

    /** The next word as the id of {@code what}. */
    static String expect(TokenCursor cursor, String what) {
        return require(cursor.expectWord("the id of the " + what), what);
    }

    private static String hint(String id) {
        if (id.contains("=")) {
            return " (a name=value pair where the id belongs?)";
        }
        if (id.contains(":")) {
            return " (a missing space before a resource agent \"class:provider:type\"?)";
        }
        return "";
    }
}
