package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <rsc_ticket>}: a resource (or sets) that may only run where a ticket is granted, and
 * what to do when it is revoked ({@code loss-policy}).
 */
@XmlRootElement(name = "rsc_ticket")
public class TicketConstraint extends Constraint {

    @XmlAttribute(name = "rsc")
    private String rsc;

    @XmlAttribute(name = "rsc-role")
    private String rscRole;

    @XmlAttribute(name = "ticket")
    private String ticket;

    @XmlAttribute(name = "loss-policy")
    private String lossPolicy;

    @Override
    public String kind() {
        return "rsc_ticket";
    }

    public String getRsc() {
        return rsc;
    }

    public void setRsc(String rsc) {
        this.rsc = rsc;
    }

    public String getRscRole() {
        return rscRole;
    }

    public void setRscRole(String rscRole) {
        this.rscRole = rscRole;
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public String getLossPolicy() {
        return lossPolicy;
    }

    public void setLossPolicy(String lossPolicy) {
        this.lossPolicy = lossPolicy;
    }
}
