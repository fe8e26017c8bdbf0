package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.CibElement;

/**
 * {@code <status>}: what the cluster knows about each node (membership, attributes, resource
 * operation history) and ticket states. Maintained by the cluster, not by the admin.
 */
@XmlRootElement(name = "status")
public class Status extends CibElement {

    public List<NodeState> nodeStates() {
        return children(NodeState.class);
    }

    public Optional<Tickets> tickets() {
        return child(Tickets.class);
    }

    public void setTickets(Tickets tickets) {
        setChild(Tickets.class, tickets);
    }

    /** The state of the node with this uname, compared case-insensitively. */
    public Optional<NodeState> nodeState(String uname) {
        return nodeStates().stream().filter(state -> uname.equalsIgnoreCase(state.getUname()))
                .findFirst();
    }
}
