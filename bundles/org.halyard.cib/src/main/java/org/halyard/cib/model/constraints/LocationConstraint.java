package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.rules.Rule;

/**
 * {@code <rsc_location>}: where a resource (or every resource matching {@code rsc-pattern}, or a
 * resource set) may or prefers to run: a score for one node, or {@link Rule}s.
 */
@XmlRootElement(name = "rsc_location")
public class LocationConstraint extends Constraint {

    @XmlAttribute(name = "rsc")
    private String rsc;

    @XmlAttribute(name = "rsc-pattern")
    private String rscPattern;

    @XmlAttribute(name = "role")
    private String role;

    @XmlAttribute(name = "score")
    private String score;

    @XmlAttribute(name = "node")
    private String node;

    @XmlAttribute(name = "resource-discovery")
    private String resourceDiscovery;

    public List<Rule> rules() {
        return children(Rule.class);
    }

    @Override
    public String kind() {
        return "location";
    }

    public String getRsc() {
        return rsc;
    }

    public void setRsc(String rsc) {
        this.rsc = rsc;
    }

    public String getRscPattern() {
        return rscPattern;
    }

    public void setRscPattern(String rscPattern) {
        this.rscPattern = rscPattern;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getScore() {
        return score;
    }

    public void setScore(String score) {
        this.score = score;
    }

    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }

    public String getResourceDiscovery() {
        return resourceDiscovery;
    }

    public void setResourceDiscovery(String resourceDiscovery) {
        this.resourceDiscovery = resourceDiscovery;
    }
}
