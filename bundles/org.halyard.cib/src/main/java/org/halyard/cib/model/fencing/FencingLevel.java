package org.halyard.cib.model.fencing;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <fencing-level>}: devices (comma-separated) to use together at one {@code index} for a
 * target node (by name, name pattern, or node attribute).
 */
@XmlRootElement(name = "fencing-level")
public class FencingLevel extends CibElement {

    @XmlAttribute(name = "target")
    private String target;

    @XmlAttribute(name = "target-pattern")
    private String targetPattern;

    @XmlAttribute(name = "target-attribute")
    private String targetAttribute;

    @XmlAttribute(name = "target-value")
    private String targetValue;

    @XmlAttribute(name = "index")
    private String index;

    @XmlAttribute(name = "devices")
    private String devices;

    /** The device ids listed in {@code devices}. */
    public List<String> deviceIds() {
        if (devices == null || devices.isBlank()) {
            return List.of();
        }
        return List.of(devices.trim().split("\\s*,\\s*"));
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getTargetPattern() {
        return targetPattern;
    }

    public void setTargetPattern(String targetPattern) {
        this.targetPattern = targetPattern;
    }

    public String getTargetAttribute() {
        return targetAttribute;
    }

    public void setTargetAttribute(String targetAttribute) {
        this.targetAttribute = targetAttribute;
    }

    public String getTargetValue() {
        return targetValue;
    }

    public void setTargetValue(String targetValue) {
        this.targetValue = targetValue;
    }

    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }

    public String getDevices() {
        return devices;
    }

    public void setDevices(String devices) {
        this.devices = devices;
    }
}
