package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <rsc_colocation>}: {@code rsc} placed relative to {@code with-rsc} (same node for a
 * positive score, different for a negative one), optionally per role; or resource sets.
 */
@XmlRootElement(name = "rsc_colocation")
public class ColocationConstraint extends Constraint {

    @XmlAttribute(name = "score")
    private String score;

    @XmlAttribute(name = "influence")
    private String influence;

    @XmlAttribute(name = "rsc")
    private String rsc;

    @XmlAttribute(name = "with-rsc")
    private String withRsc;

    @XmlAttribute(name = "node-attribute")
    private String nodeAttribute;

    @XmlAttribute(name = "rsc-role")
    private String rscRole;

    @XmlAttribute(name = "with-rsc-role")
    private String withRscRole;

    @Override
    public String kind() {
        return "colocation";
    }

    public String getScore() {
        return score;
    }

    public void setScore(String score) {
        this.score = score;
    }

    public String getInfluence() {
        return influence;
    }

    public void setInfluence(String influence) {
        this.influence = influence;
    }

    public String getRsc() {
        return rsc;
    }

    public void setRsc(String rsc) {
        this.rsc = rsc;
    }

    public String getWithRsc() {
        return withRsc;
    }

    public void setWithRsc(String withRsc) {
        this.withRsc = withRsc;
    }

    public String getNodeAttribute() {
        return nodeAttribute;
    }

    public void setNodeAttribute(String nodeAttribute) {
        this.nodeAttribute = nodeAttribute;
    }

    public String getRscRole() {
        return rscRole;
    }

    public void setRscRole(String rscRole) {
        this.rscRole = rscRole;
    }

    public String getWithRscRole() {
        return withRscRole;
    }

    public void setWithRscRole(String withRscRole) {
        this.withRscRole = withRscRole;
    }
}
