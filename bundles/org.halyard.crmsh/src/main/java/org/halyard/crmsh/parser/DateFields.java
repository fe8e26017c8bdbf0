package org.halyard.crmsh.parser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.rules.DateSpec;
import org.halyard.cib.model.rules.Duration;

/**
 * The fields of {@code <duration>} and {@code <date_spec>} by name. crm 4.4 has one list for
 * both ({@link #CRM}); the schema accepts all of them on both (some only for compatibility, and
 * those the model keeps as other attributes). days, minutes, seconds and yeardays are in the
 * schema but not in crm syntax.
 */
public final class DateFields {

    /** The fields crm syntax has, in crm's order. */
    public static final List<String> CRM = List.of("hours", "monthdays", "weekdays", "yearsdays",
            "months", "weeks", "years", "weekyears", "moon");

    private DateFields() {
    }

    static void set(Duration duration, String name, String value) {
        switch (name) {
            case "years" -> duration.setYears(value);
            case "months" -> duration.setMonths(value);
            case "weeks" -> duration.setWeeks(value);
            case "hours" -> duration.setHours(value);
            default -> other(duration, name, value);
        }
    }

    static void set(DateSpec spec, String name, String value) {
        switch (name) {
            case "hours" -> spec.setHours(value);
            case "monthdays" -> spec.setMonthdays(value);
            case "weekdays" -> spec.setWeekdays(value);
            case "months" -> spec.setMonths(value);
            case "weeks" -> spec.setWeeks(value);
            case "years" -> spec.setYears(value);
            case "weekyears" -> spec.setWeekyears(value);
            case "moon" -> spec.setMoon(value);
            default -> other(spec, name, value);
        }
    }

    private static void other(CibElement element, String name, String value) {
        if (!CRM.contains(name)) {
            throw new IllegalArgumentException("not a date field of crm syntax: " + name);
        }
        element.otherAttributes().put(new QName(name), value);
    }

    /** Every field that is set, those of crm syntax first in {@link #CRM} order. */
    public static Map<String, String> of(Duration duration) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "years", duration.getYears());
        put(fields, "months", duration.getMonths());
        put(fields, "weeks", duration.getWeeks());
        put(fields, "days", duration.getDays());
        put(fields, "hours", duration.getHours());
        put(fields, "minutes", duration.getMinutes());
        put(fields, "seconds", duration.getSeconds());
        return crmOrder(duration, fields);
    }

    /** Every field that is set, those of crm syntax first in {@link #CRM} order. */
    public static Map<String, String> of(DateSpec spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "years", spec.getYears());
        put(fields, "months", spec.getMonths());
        put(fields, "monthdays", spec.getMonthdays());
        put(fields, "hours", spec.getHours());
        put(fields, "minutes", spec.getMinutes());
        put(fields, "seconds", spec.getSeconds());
        put(fields, "yeardays", spec.getYeardays());
        put(fields, "weekyears", spec.getWeekyears());
        put(fields, "weeks", spec.getWeeks());
        put(fields, "weekdays", spec.getWeekdays());
        put(fields, "moon", spec.getMoon());
        return crmOrder(spec, fields);
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    /** The fields and the element's other attributes, those of crm syntax first. */
    private static Map<String, String> crmOrder(CibElement element, Map<String, String> fields) {
        element.otherAttributes().forEach((name, value) -> fields.put(name.getLocalPart(), value));
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : CRM) {
            if (fields.containsKey(name)) {
                ordered.put(name, fields.remove(name));
            }
        }
        ordered.putAll(fields);
        return ordered;
    }
}
