package org.halyard.crmsh.parser;

import java.util.Set;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.NvPair;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;

/** {@code name=value} lists after {@code params}, {@code meta}, {@code attributes}... */
final class AttributeLists {

    /** Keywords that end an attribute list (crm's TERMINATORS). */
    static final Set<String> KEYWORDS = Set.of("params", "meta", "utilization", "operations", "op",
            "op_params", "op_meta", "rule", "attributes");

    private AttributeLists() {
    }

    /**
     * Reads pairs into {@code set} until a keyword or the end. A leading {@code $id=x} names the
     * set, else it gets {@code <owner>-<suffix>}. {@code what} names the list in errors, e.g.
     * {@code "meta" of primitive "web"}. At least one pair unless {@code allowEmpty}.
     */
    static <T extends AttributeSet> T read(TokenCursor cursor, ConfigurationBuilder builder,
            T set, String generatedIdBase, String what, boolean allowEmpty) {
        return read(cursor, builder, set, generatedIdBase, what, allowEmpty, Set.of());
    }

    /** As above; the list also ends before any of the words {@code alsoEnding} (lower case). */
    static <T extends AttributeSet> T read(TokenCursor cursor, ConfigurationBuilder builder,
            T set, String generatedIdBase, String what, boolean allowEmpty,
            Set<String> alsoEnding) {
        Token first = cursor.peek();
        boolean named = first != null && first.isPair() && first.pairName().equals("$id");
        if (named) {
            cursor.next();
            String id = Ids.require(new Token(first.pairValue(), first.raw(), first.position()),
                    what);
            builder.define(first, id, what);
            set.setId(id);
        } else {
            set.setId(builder.generate(generatedIdBase));
        }
        int pairs = readPairs(cursor, builder, set, what, alsoEnding);
        // an empty set is only worth writing down when it is named (crm shows "meta $id=x")
        if (pairs == 0 && !allowEmpty && !named) {
            throw cursor.expected("name=value");
        }
        return set;
    }

    /** Reads pairs into an existing set (ids {@code <set>-<name>}); returns how many. */
    static int readPairs(TokenCursor cursor, ConfigurationBuilder builder, AttributeSet set,
            String what) {
        return readPairs(cursor, builder, set, what, Set.of());
    }

    private static int readPairs(TokenCursor cursor, ConfigurationBuilder builder,
            AttributeSet set, String what, Set<String> alsoEnding) {
        int pairs = 0;
        while (!cursor.atEnd() && !isKeyword(cursor.peek())
                && !alsoEnding.contains(TokenCursor.keyword(cursor.peek()))) {
            Token token = cursor.peek();
            if (!token.isPair() || token.text().startsWith("$") || token.text().startsWith("@")) {
                throw cursor.expected("name=value in " + what, hint(cursor));
            }
            cursor.next();
            put(builder, set, token.pairName(), token.pairValue());
            pairs++;
        }
        return pairs;
    }

    /** Sets a pair: a later value for a name replaces the earlier one, as in crm. */
    static void put(ConfigurationBuilder builder, AttributeSet set, String name, String value) {
        for (NvPair pair : set.nvPairs()) {
            if (name.equals(pair.getName())) {
                pair.setValue(value);
                return;
            }
        }
        set.add(new NvPair(builder.generate(set.getId() + "-" + name), name, value));
    }

    static boolean isKeyword(Token token) {
        return KEYWORDS.contains(TokenCursor.keyword(token));
    }

    private static String hint(TokenCursor cursor) {
        if (cursor.remaining() == 1 && !cursor.peek().isPair()) {
            return " (the statement ends there, without =value: was the line cut off?)";
        }
        return "";
    }
}
