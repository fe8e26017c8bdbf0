package org.halyard.cib.model.rules;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <duration>}: the length of an {@code in_range} date expression.
 */
@XmlRootElement(name = "duration")
public class Duration extends CibElement {

    @XmlAttribute(name = "years")
    private String years;

    @XmlAttribute(name = "months")
    private String months;

    @XmlAttribute(name = "weeks")
    private String weeks;

    @XmlAttribute(name = "days")
    private String days;

    @XmlAttribute(name = "hours")
    private String hours;

    @XmlAttribute(name = "minutes")
    private String minutes;

    @XmlAttribute(name = "seconds")
    private String seconds;

    public String getYears() {
        return years;
    }

    public void setYears(String years) {
        this.years = years;
    }

    public String getMonths() {
        return months;
    }

    public void setMonths(String months) {
        this.months = months;
    }

    public String getWeeks() {
        return weeks;
    }

    public void setWeeks(String weeks) {
        this.weeks = weeks;
    }

    public String getDays() {
        return days;
    }

    public void setDays(String days) {
        this.days = days;
    }

    public String getHours() {
        return hours;
    }

    public void setHours(String hours) {
        this.hours = hours;
    }

    public String getMinutes() {
        return minutes;
    }

    public void setMinutes(String minutes) {
        this.minutes = minutes;
    }

    public String getSeconds() {
        return seconds;
    }

    public void setSeconds(String seconds) {
        this.seconds = seconds;
    }
}
