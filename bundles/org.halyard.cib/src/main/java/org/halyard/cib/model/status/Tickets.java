package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <tickets>}: the state of each ticket (multi-site clusters).
 */
@XmlRootElement(name = "tickets")
public class Tickets extends CibElement {

    public List<TicketState> ticketStates() {
        return children(TicketState.class);
    }
}
