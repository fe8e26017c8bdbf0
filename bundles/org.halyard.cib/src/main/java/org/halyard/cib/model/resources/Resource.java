package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.rules.Rule;

/**
 * A resource in the {@code <resources>} section: {@link Primitive}, {@link Group}, {@link Clone}
 * (and its legacy form {@link Master}), {@link Bundle}, or a {@link Template} for primitives.
 */
@XmlTransient
public abstract class Resource extends CibElement {

    @XmlAttribute(name = "description")
    private String description;

    public List<MetaAttributes> metaAttributes() {
        return children(MetaAttributes.class);
    }

    public List<InstanceAttributes> instanceAttributes() {
        return children(InstanceAttributes.class);
    }

    /**
     * A meta-attribute as configured directly on this resource: the first pair with this name
     * in the unconditional meta_attributes sets, in document order. Rule-based sets, references
     * and inheritance from parents or rsc_defaults are not considered here.
     */
    public Optional<String> metaAttribute(String name) {
        for (MetaAttributes set : metaAttributes()) {
            if (!set.isConditional()) {
                Optional<String> value = set.value(name);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /** The resources directly contained in this one (none for a primitive). */
    public List<Resource> members() {
        return List.of();
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
