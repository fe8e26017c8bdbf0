package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <constraints>}: location, colocation, order and ticket constraints, in document order.
 */
@XmlRootElement(name = "constraints")
public class Constraints extends CibElement {

    public List<Constraint> constraints() {
        return children(Constraint.class);
    }

    public List<LocationConstraint> locations() {
        return children(LocationConstraint.class);
    }

    public List<ColocationConstraint> colocations() {
        return children(ColocationConstraint.class);
    }

    public List<OrderConstraint> orders() {
        return children(OrderConstraint.class);
    }

    public List<TicketConstraint> tickets() {
        return children(TicketConstraint.class);
    }
}
