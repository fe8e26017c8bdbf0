package org.halyard.cib.model.nodes;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.Utilization;

/**
 * {@code <node>}: a cluster node with its id (the cluster layer's node id), name ({@code uname}),
 * type (member, remote, or the legacy ping), node attributes and utilization.
 */
@XmlRootElement(name = "node")
public class Node extends CibElement {

    @XmlAttribute(name = "uname")
    private String uname;

    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "description")
    private String description;

    @XmlAttribute(name = "score")
    private String score;

    public List<InstanceAttributes> instanceAttributes() {
        return children(InstanceAttributes.class);
    }

    public List<Utilization> utilizations() {
        return children(Utilization.class);
    }

    public String getUname() {
        return uname;
    }

    public void setUname(String uname) {
        this.uname = uname;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getScore() {
        return score;
    }

    public void setScore(String score) {
        this.score = score;
    }
}
