package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <ticket_state>}: whether a ticket is granted or in standby, and since when.
 */
@XmlRootElement(name = "ticket_state")
public class TicketState extends CibElement {

    @XmlAttribute(name = "granted")
    private String granted;

    @XmlAttribute(name = "standby")
    private String standby;

    @XmlAttribute(name = "last-granted")
    private String lastGranted;

    public String getGranted() {
        return granted;
    }

    public void setGranted(String granted) {
        this.granted = granted;
    }

    public String getStandby() {
        return standby;
    }

    public void setStandby(String standby) {
        this.standby = standby;
    }

    public String getLastGranted() {
        return lastGranted;
    }

    public void setLastGranted(String lastGranted) {
        this.lastGranted = lastGranted;
    }
}
