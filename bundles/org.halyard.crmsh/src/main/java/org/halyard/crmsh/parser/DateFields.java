package org.halyard.crmsh.parser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halyard.cib.model.rules.DateSpec;
import org.halyard.cib.model.rules.Duration;

/** The fields of {@code <duration>} and {@code <date_spec>} by name, in crm's order. */
public final class DateFields {

    public static final List<String> DURATION = List.of("years", "months", "weeks", "days",
            "hours", "minutes", "seconds");
    public static final List<String> DATE_SPEC = List.of("hours", "monthdays", "weekdays",
            "yeardays", "months", "weeks", "years", "weekyears", "moon", "minutes", "seconds");

    private DateFields() {
    }

    static void set(Duration duration, String name, String value) {
        switch (name) {
            case "years" -> duration.setYears(value);
            case "months" -> duration.setMonths(value);
            case "weeks" -> duration.setWeeks(value);
            case "days" -> duration.setDays(value);
            case "hours" -> duration.setHours(value);
            case "minutes" -> duration.setMinutes(value);
            case "seconds" -> duration.setSeconds(value);
            default -> throw new IllegalArgumentException("not a duration field: " + name);
        }
    }

    static void set(DateSpec spec, String name, String value) {
        switch (name) {
            case "hours" -> spec.setHours(value);
            case "monthdays" -> spec.setMonthdays(value);
            case "weekdays" -> spec.setWeekdays(value);
            case "yeardays" -> spec.setYeardays(value);
            case "months" -> spec.setMonths(value);
            case "weeks" -> spec.setWeeks(value);
            case "years" -> spec.setYears(value);
            case "weekyears" -> spec.setWeekyears(value);
            case "moon" -> spec.setMoon(value);
            case "minutes" -> spec.setMinutes(value);
            case "seconds" -> spec.setSeconds(value);
            default -> throw new IllegalArgumentException("not a date_spec field: " + name);
        }
    }

    /** The fields that are set, in {@link #DURATION} order. */
    public static Map<String, String> of(Duration duration) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "years", duration.getYears());
        put(fields, "months", duration.getMonths());
        put(fields, "weeks", duration.getWeeks());
        put(fields, "days", duration.getDays());
        put(fields, "hours", duration.getHours());
        put(fields, "minutes", duration.getMinutes());
        put(fields, "seconds", duration.getSeconds());
        return fields;
    }

    /** The fields that are set, in {@link #DATE_SPEC} order. */
    public static Map<String, String> of(DateSpec spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "hours", spec.getHours());
        put(fields, "monthdays", spec.getMonthdays());
        put(fields, "weekdays", spec.getWeekdays());
        put(fields, "yeardays", spec.getYeardays());
        put(fields, "months", spec.getMonths());
        put(fields, "weeks", spec.getWeeks());
        put(fields, "years", spec.getYears());
        put(fields, "weekyears", spec.getWeekyears());
        put(fields, "moon", spec.getMoon());
        put(fields, "minutes", spec.getMinutes());
        put(fields, "seconds", spec.getSeconds());
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
