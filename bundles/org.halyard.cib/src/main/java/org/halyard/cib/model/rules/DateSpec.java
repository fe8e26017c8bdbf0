package org.halyard.cib.model.rules;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <date_spec>}: a cron-like recurring time specification (each field a number or range).
 */
@XmlRootElement(name = "date_spec")
public class DateSpec extends CibElement {

    @XmlAttribute(name = "years")
    private String years;

    @XmlAttribute(name = "months")
    private String months;

    @XmlAttribute(name = "monthdays")
    private String monthdays;

    @XmlAttribute(name = "hours")
    private String hours;

    @XmlAttribute(name = "minutes")
    private String minutes;

    @XmlAttribute(name = "seconds")
    private String seconds;

    @XmlAttribute(name = "yeardays")
    private String yeardays;

    @XmlAttribute(name = "weekyears")
    private String weekyears;

    @XmlAttribute(name = "weeks")
    private String weeks;

    @XmlAttribute(name = "weekdays")
    private String weekdays;

    @XmlAttribute(name = "moon")
    private String moon;

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

    public String getMonthdays() {
        return monthdays;
    }

    public void setMonthdays(String monthdays) {
        this.monthdays = monthdays;
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

    public String getYeardays() {
        return yeardays;
    }

    public void setYeardays(String yeardays) {
        this.yeardays = yeardays;
    }

    public String getWeekyears() {
        return weekyears;
    }

    public void setWeekyears(String weekyears) {
        this.weekyears = weekyears;
    }

    public String getWeeks() {
        return weeks;
    }

    public void setWeeks(String weeks) {
        this.weeks = weeks;
    }

    public String getWeekdays() {
        return weekdays;
    }

    public void setWeekdays(String weekdays) {
        this.weekdays = weekdays;
    }

    public String getMoon() {
        return moon;
    }

    public void setMoon(String moon) {
        this.moon = moon;
    }
}
