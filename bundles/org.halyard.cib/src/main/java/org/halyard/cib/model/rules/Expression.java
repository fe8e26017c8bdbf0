package org.halyard.cib.model.rules;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <expression>}: compares a node attribute (or, with {@code value-source}, a resource
 * parameter or meta-attribute) with a value.
 */
@XmlRootElement(name = "expression")
public class Expression extends CibElement {

    @XmlAttribute(name = "attribute")
    private String attribute;

    @XmlAttribute(name = "operation")
    private String operation;

    @XmlAttribute(name = "value")
    private String value;

    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "value-source")
    private String valueSource;

    public String getAttribute() {
        return attribute;
    }

    public void setAttribute(String attribute) {
        this.attribute = attribute;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getValueSource() {
        return valueSource;
    }

    public void setValueSource(String valueSource) {
        this.valueSource = valueSource;
    }
}
