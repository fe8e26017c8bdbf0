package org.halyard.cib.model.rules;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <rule>}: a condition made of expressions, date expressions and nested rules combined
 * with {@code boolean-op} (default {@code and}). In a location constraint it also carries the
 * score to apply where it matches. May instead be a reference ({@code id-ref}).
 */
@XmlRootElement(name = "rule")
public class Rule extends CibElement {

    @XmlAttribute(name = "id-ref")
    private String idRef;

    @XmlAttribute(name = "boolean-op")
    private String booleanOp;

    @XmlAttribute(name = "role")
    private String role;

    @XmlAttribute(name = "score")
    private String score;

    @XmlAttribute(name = "score-attribute")
    private String scoreAttribute;

    /**
     * The conditions of this rule in document order: {@link Expression}, {@link DateExpression},
     * {@link ResourceExpression}, {@link OperationExpression} and nested {@link Rule}s.
     */
    public List<CibElement> conditions() {
        List<CibElement> conditions = new ArrayList<>();
        for (Object child : content()) {
            if (child instanceof Rule || child instanceof Expression
                    || child instanceof DateExpression || child instanceof ResourceExpression
                    || child instanceof OperationExpression) {
                conditions.add((CibElement) child);
            }
        }
        return List.copyOf(conditions);
    }

    /** True unless boolean-op is "or": all conditions must hold. */
    public boolean isConjunction() {
        return !"or".equals(booleanOp);
    }

    public String getIdRef() {
        return idRef;
    }

    public void setIdRef(String idRef) {
        this.idRef = idRef;
    }

    public String getBooleanOp() {
        return booleanOp;
    }

    public void setBooleanOp(String booleanOp) {
        this.booleanOp = booleanOp;
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

    public String getScoreAttribute() {
        return scoreAttribute;
    }

    public void setScoreAttribute(String scoreAttribute) {
        this.scoreAttribute = scoreAttribute;
    }
}
