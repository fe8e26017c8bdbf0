package org.halyard.crmsh.printer;

import java.util.List;
import java.util.StringJoiner;
import org.halyard.cib.model.attributes.AttributeSet;

/** An attribute set as crm writes it after a keyword ({@code params}, {@code meta}...). */
final class SetWords {

    private SetWords() {
    }

    /**
     * {@code <keyword> [$id=<id>] name=value...}, the id only when it is not the usual one; null
     * (and noted in {@code notShown}) for a set with a rule, score or id-ref.
     */
    static String of(String keyword, AttributeSet set, String usualId, List<String> notShown) {
        if (set.isConditional() || set.getIdRef() != null || set.getScore() != null) {
            notShown.add(keyword + " set \"" + set.getId() + "\" (rule, score or id-ref)");
            return null;
        }
        StringJoiner words = new StringJoiner(" ");
        words.add(keyword);
        List<String> pairs = Pairs.of(set, notShown);
        // an empty list needs its id, or the keyword would stand alone
        if (!Values.isGenerated(set.getId(), usualId) || pairs.isEmpty()) {
            words.add("$id=" + set.getId());
        }
        pairs.forEach(words::add);
        return words.toString();
    }
}
