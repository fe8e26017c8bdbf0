package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;

/**
 * {@code <op>}: one operation of a resource, e.g. a recurring monitor with its interval and
 * timeout.
 */
@XmlRootElement(name = "op")
public class Operation extends CibElement {

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "interval")
    private String interval;

    @XmlAttribute(name = "description")
    private String description;

    @XmlAttribute(name = "start-delay")
    private String startDelay;

    @XmlAttribute(name = "interval-origin")
    private String intervalOrigin;

    @XmlAttribute(name = "timeout")
    private String timeout;

    @XmlAttribute(name = "enabled")
    private String enabled;

    @XmlAttribute(name = "record-pending")
    private String recordPending;

    @XmlAttribute(name = "role")
    private String role;

    @XmlAttribute(name = "on-fail")
    private String onFail;

    public List<MetaAttributes> metaAttributes() {
        return children(MetaAttributes.class);
    }

    public List<InstanceAttributes> instanceAttributes() {
        return children(InstanceAttributes.class);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getStartDelay() {
        return startDelay;
    }

    public void setStartDelay(String startDelay) {
        this.startDelay = startDelay;
    }

    public String getIntervalOrigin() {
        return intervalOrigin;
    }

    public void setIntervalOrigin(String intervalOrigin) {
        this.intervalOrigin = intervalOrigin;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }

    public String getRecordPending() {
        return recordPending;
    }

    public void setRecordPending(String recordPending) {
        this.recordPending = recordPending;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getOnFail() {
        return onFail;
    }

    public void setOnFail(String onFail) {
        this.onFail = onFail;
    }
}
