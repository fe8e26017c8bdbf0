package org.halyard.ui.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;

/**
 * What the property view shows of one primitive: its parameters (every one the agent declares,
 * with the CIB's value or the agent's default, then any the agent does not know), its meta
 * attributes and its operations. Keeps the CIB text and version it was read from, since a change
 * is made on a copy of exactly that CIB and sent with that version as its base.
 */
public record PrimitiveProperties(String resource, String agent, String cibVersion, String cibXml,
        List<AttributeRow> parameters, List<AttributeRow> meta, List<OperationRow> operations, String note) {

    public PrimitiveProperties {
        parameters = List.copyOf(parameters);
        meta = List.copyOf(meta);
        operations = List.copyOf(operations);
        note = note == null ? "" : note;
    }

    /**
     * @param cibXml   the CIB's text, as read (the base of later changes)
     * @param cib      that text parsed
     * @param metadata the agent's meta-data, or {@link AgentMetaData#none} if it could not be read
     * @param note     what the person should know about this picture (meta-data missing), or empty
     */
    public static PrimitiveProperties of(String cibXml, Cib cib, String rsc, AgentMetaData metadata, String note) {
        Primitive primitive = primitive(cib, rsc);
        return new PrimitiveProperties(rsc, primitive.agent(), cib.version().toString(), cibXml,
                parameters(primitive, metadata), meta(primitive),
                primitive.operationList().stream().map(OperationRow::of).toList(), note);
    }

    /** The primitive with this id anywhere in the CIB's resources (in a group or clone too). */
    static Primitive primitive(Cib cib, String rsc) {
        Resource found = cib.configuration().flatMap(Configuration::resources).flatMap(r -> r.find(rsc))
                .orElseThrow(() -> new PropertiesException("the CIB has no resource \u201c" + rsc + "\u201d"));
        if (!(found instanceof Primitive primitive)) {
            throw new PropertiesException("\u201c" + rsc + "\u201d is a " + found.elementName()
                    + ", not a primitive: select one of its members");
        }
        return primitive;
    }

    private static List<AttributeRow> parameters(Primitive primitive, AgentMetaData metadata) {
        Map<String, String> values = values(AttributeKind.PARAMETER.firstSet(primitive));
        List<AttributeRow> rows = new ArrayList<>();
        for (AgentMetaData.Parameter p : metadata.parameters()) {
            rows.add(new AttributeRow(AttributeKind.PARAMETER, p.name(), values.remove(p.name()), p.defaultValue(),
                    p.required(), p.description()));
        }
        // set in the CIB but unknown to the agent: shown, so a typo can be seen and fixed
        values.forEach((name, value) -> rows.add(new AttributeRow(AttributeKind.PARAMETER, name, value, null, false,
                metadata.parameters().isEmpty() ? "" : "not a parameter of " + metadata.agent())));
        return rows;
    }

    private static List<AttributeRow> meta(Primitive primitive) {
        List<AttributeRow> rows = new ArrayList<>();
        values(AttributeKind.META.firstSet(primitive))
                .forEach((name, value) -> rows.add(new AttributeRow(AttributeKind.META, name, value, null, false, "")));
        return rows;
    }

    private static Map<String, String> values(AttributeSet set) {
        return set == null ? new LinkedHashMap<>() : new LinkedHashMap<>(set.asMap());
    }
}
