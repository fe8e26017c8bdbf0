package org.halyard.cib.model.rules;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <op_expression>}: matches operations by name and interval (in op_defaults rules).
 */
@XmlRootElement(name = "op_expression")
public class OperationExpression extends CibElement {

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "interval")
    private String interval;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }
}
