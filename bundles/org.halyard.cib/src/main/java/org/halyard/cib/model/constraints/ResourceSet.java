package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <resource_set>}: resources treated together by a constraint, with their own ordering,
 * role, action and score. May instead reference ({@code id-ref}) a set defined elsewhere.
 */
@XmlRootElement(name = "resource_set")
public class ResourceSet extends CibElement {

    @XmlAttribute(name = "id-ref")
    private String idRef;

    @XmlAttribute(name = "sequential")
    private String sequential;

    @XmlAttribute(name = "require-all")
    private String requireAll;

    @XmlAttribute(name = "ordering")
    private String ordering;

    @XmlAttribute(name = "action")
    private String action;

    @XmlAttribute(name = "role")
    private String role;

    @XmlAttribute(name = "score")
    private String score;

    @XmlAttribute(name = "kind")
    private String kind;

    public List<ResourceRef> resourceRefs() {
        return children(ResourceRef.class);
    }

    /** The referenced resource ids in order. */
    public List<String> resourceIds() {
        return resourceRefs().stream().map(ResourceRef::getId).toList();
    }

    public String getIdRef() {
        return idRef;
    }

    public void setIdRef(String idRef) {
        this.idRef = idRef;
    }

    public String getSequential() {
        return sequential;
    }

    public void setSequential(String sequential) {
        this.sequential = sequential;
    }

    public String getRequireAll() {
        return requireAll;
    }

    public void setRequireAll(String requireAll) {
        this.requireAll = requireAll;
    }

    public String getOrdering() {
        return ordering;
    }

    public void setOrdering(String ordering) {
        this.ordering = ordering;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
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

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
