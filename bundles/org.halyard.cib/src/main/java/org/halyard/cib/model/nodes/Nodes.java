package org.halyard.cib.model.nodes;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.CibElement;

/**
 * {@code <nodes>}: the cluster nodes Pacemaker knows of.
 */
@XmlRootElement(name = "nodes")
public class Nodes extends CibElement {

    public List<Node> nodes() {
        return children(Node.class);
    }

    /** The node with this name (uname), compared case-insensitively as Pacemaker does. */
    public Optional<Node> byName(String uname) {
        return nodes().stream().filter(node -> uname.equalsIgnoreCase(node.getUname())).findFirst();
    }
}
