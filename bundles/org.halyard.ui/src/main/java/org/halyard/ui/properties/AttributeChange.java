package org.halyard.ui.properties;

import java.util.List;

import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.resources.Operations;
import org.halyard.cib.model.resources.Primitive;

/** Setting one parameter or meta attribute of a primitive to a value. */
public record AttributeChange(String resource, AttributeKind kind, String name, String value) {

    /** The CIB text with the change made; the version attributes stay those of the base. */
    public String applyTo(String cibXml) {
        Cib copy = CibXml.parse(cibXml, CibAccess.SOURCE);
        applyTo(copy);
        return CibXml.toXml(copy);
    }

    /**
     * Makes the change in the primitive's first set of the kind, which is created
     * ({@code <rsc>-instance_attributes}) when the primitive has none.
     */
    void applyTo(Cib cib) {
        Primitive primitive = PrimitiveProperties.primitive(cib, resource);
        AttributeSet set = kind.firstSet(primitive);
        if (set == null) {
            set = kind.newSet(primitive);
            // before the operations, where crm and pcs put attribute sets
            List<Object> content = primitive.content();
            content.add(primitive.child(Operations.class).map(content::indexOf).orElse(content.size()), set);
        }
        set.put(name, value);
    }

    /** "db: state=/run/db.state" for the status line. */
    public String describe() {
        return resource + ": " + (kind == AttributeKind.META ? "meta " : "") + name + "=" + value;
    }
}
