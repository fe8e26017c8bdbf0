package org.halyard.ui.properties;

import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.resources.Primitive;

/** The two kinds of a primitive's name/value pairs the property view edits. */
public enum AttributeKind {
    /** {@code instance_attributes}: the parameters handed to the agent. */
    PARAMETER("instance_attributes"),
    /** {@code meta_attributes}: what Pacemaker itself reads (target-role, resource-stickiness, ...). */
    META("meta_attributes");

    private final String element;

    AttributeKind(String element) {
        this.element = element;
    }

    /** The primitive's first set of this kind, the one that is shown and edited; null if it has none. */
    AttributeSet firstSet(Primitive primitive) {
        return (this == PARAMETER ? primitive.instanceAttributes() : primitive.metaAttributes()).stream()
                .map(AttributeSet.class::cast).findFirst().orElse(null);
    }

    /** A new, empty set for the primitive, with the id Pacemaker's tools give it ({@code <rsc>-instance_attributes}). */
    AttributeSet newSet(Primitive primitive) {
        AttributeSet set = this == PARAMETER ? new InstanceAttributes() : new MetaAttributes();
        set.setId(primitive.getId() + "-" + element);
        return set;
    }
}
