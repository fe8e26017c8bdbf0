package org.halyard.crmsh.printer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.NvPair;

/**
 * The {@code name=value} words of a set. A name that occurs twice is shown once, with the first
 * value (the one Pacemaker uses); crm would keep the last, so the others are only noted.
 */
final class Pairs {

    private Pairs() {
    }

    static List<String> of(AttributeSet set, List<String> notShown) {
        List<String> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NvPair pair : set.nvPairs()) {
            if (pair.getName() == null || pair.getIdRef() != null) {
                notShown.add("nvpair \"" + pair.getId() + "\" in \"" + set.getId()
                        + "\" (reference or no name)");
            } else if (!seen.add(pair.getName())) {
                notShown.add("nvpair \"" + pair.getId() + "\": a second \"" + pair.getName()
                        + "\" in \"" + set.getId() + "\", which Pacemaker ignores");
            } else {
                words.add(Values.pair(pair.getName(), pair.getValue()));
            }
        }
        return words;
    }
}
