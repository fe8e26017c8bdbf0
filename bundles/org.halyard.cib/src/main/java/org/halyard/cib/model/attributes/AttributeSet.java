package org.halyard.cib.model.attributes;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.Score;
import org.halyard.cib.model.rules.Rule;

/**
 * A set of name/value pairs (Pacemaker's "nvset"): {@code <meta_attributes>},
 * {@code <instance_attributes>}, {@code <utilization>} or {@code <cluster_property_set>}.
 * A set may carry a {@link Rule} that decides when it applies and a score that orders it against
 * other sets, or be a reference ({@code id-ref}) to a set defined elsewhere.
 */
@XmlTransient
public abstract class AttributeSet extends CibElement {

    @XmlAttribute(name = "id-ref")
    private String idRef;

    @XmlAttribute(name = "score")
    private String score;

    public List<NvPair> nvPairs() {
        return children(NvPair.class);
    }

    public Optional<Rule> rule() {
        return child(Rule.class);
    }

    public void setRule(Rule rule) {
        setChild(Rule.class, rule);
    }

    /** True if this set only applies when its rule matches. */
    public boolean isConditional() {
        return rule().isPresent();
    }

    /** The value of the first pair with this name (references to other pairs are skipped). */
    public Optional<String> value(String name) {
        for (NvPair pair : nvPairs()) {
            if (name.equals(pair.getName()) && pair.getIdRef() == null) {
                return Optional.ofNullable(pair.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Sets a pair: updates the first pair with this name, or appends a new one with the id
     * {@code <set id>-<name>} (the convention of Pacemaker's tools).
     */
    public NvPair put(String name, String value) {
        for (NvPair pair : nvPairs()) {
            if (name.equals(pair.getName()) && pair.getIdRef() == null) {
                pair.setValue(value);
                return pair;
            }
        }
        NvPair pair = new NvPair(getId() + "-" + name, name, value);
        add(pair);
        return pair;
    }

    /** The pairs as a map, first occurrence of a name winning; references are skipped. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (NvPair pair : nvPairs()) {
            if (pair.getName() != null && pair.getIdRef() == null) {
                map.putIfAbsent(pair.getName(), pair.getValue());
            }
        }
        return map;
    }

    /** The score as Pacemaker reads it, 0 when absent. */
    public int scoreValue() {
        return Score.parse(score).map(Score::value).orElse(0);
    }

    public String getIdRef() {
        return idRef;
    }

    public void setIdRef(String idRef) {
        this.idRef = idRef;
    }

    public String getScore() {
        return score;
    }

    public void setScore(String score) {
        this.score = score;
    }
}
