package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlTransient;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * A constraint: {@link LocationConstraint}, {@link ColocationConstraint}, {@link OrderConstraint}
 * or {@link TicketConstraint}. Each either names resources in attributes or lists
 * {@link ResourceSet}s.
 */
@XmlTransient
public abstract class Constraint extends CibElement {

    public List<ResourceSet> resourceSets() {
        return children(ResourceSet.class);
    }

    public List<Lifetime> lifetimes() {
        return children(Lifetime.class);
    }

    /**
     * What an admin calls this kind of constraint, as crm shell does: location, colocation,
     * order or rsc_ticket.
     */
    public abstract String kind();
}
