package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <rsc_order>}: {@code then} (its {@code then-action}) after {@code first} (its
 * {@code first-action}, default start), of a {@code kind} (Mandatory, Optional, Serialize);
 * or resource sets.
 */
@XmlRootElement(name = "rsc_order")
public class OrderConstraint extends Constraint {

    @XmlAttribute(name = "symmetrical")
    private String symmetrical;

    @XmlAttribute(name = "require-all")
    private String requireAll;

    @XmlAttribute(name = "score")
    private String score;

    @XmlAttribute(name = "kind")
    private String kind;

    @XmlAttribute(name = "first")
    private String first;

    @XmlAttribute(name = "then")
    private String then;

    @XmlAttribute(name = "first-action")
    private String firstAction;

    @XmlAttribute(name = "then-action")
    private String thenAction;

    @Override
    public String kind() {
        return "order";
    }

    /** first-action, defaulting to start as in Pacemaker. */
    public String effectiveFirstAction() {
        return firstAction == null ? "start" : firstAction;
    }

    /** then-action, defaulting to the first action as in Pacemaker. */
    public String effectiveThenAction() {
        return thenAction == null ? effectiveFirstAction() : thenAction;
    }

    public String getSymmetrical() {
        return symmetrical;
    }

    public void setSymmetrical(String symmetrical) {
        this.symmetrical = symmetrical;
    }

    public String getRequireAll() {
        return requireAll;
    }

    public void setRequireAll(String requireAll) {
        this.requireAll = requireAll;
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

    public String getFirst() {
        return first;
    }

    public void setFirst(String first) {
        this.first = first;
    }

    public String getThen() {
        return then;
    }

    public void setThen(String then) {
        this.then = then;
    }

    public String getFirstAction() {
        return firstAction;
    }

    public void setFirstAction(String firstAction) {
        this.firstAction = firstAction;
    }

    public String getThenAction() {
        return thenAction;
    }

    public void setThenAction(String thenAction) {
        this.thenAction = thenAction;
    }
}
