package org.halyard.cib.model.rules;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.Optional;
import org.halyard.cib.model.CibElement;

/**
 * {@code <date_expression>}: {@code in_range} (start/end or start plus {@link Duration}),
 * {@code gt}, {@code lt} or {@code date_spec} (a recurring {@link DateSpec}).
 */
@XmlRootElement(name = "date_expression")
public class DateExpression extends CibElement {

    @XmlAttribute(name = "operation")
    private String operation;

    @XmlAttribute(name = "start")
    private String start;

    @XmlAttribute(name = "end")
    private String end;

    public Optional<DateSpec> dateSpec() {
        return child(DateSpec.class);
    }

    public void setDateSpec(DateSpec dateSpec) {
        setChild(DateSpec.class, dateSpec);
    }

    public Optional<Duration> duration() {
        return child(Duration.class);
    }

    public void setDuration(Duration duration) {
        setChild(Duration.class, duration);
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }
}
