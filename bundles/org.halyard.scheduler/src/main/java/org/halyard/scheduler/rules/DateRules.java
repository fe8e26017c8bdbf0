package org.halyard.scheduler.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halyard.cib.model.rules.DateExpression;
import org.halyard.cib.model.rules.DateSpec;
import org.halyard.cib.model.rules.Duration;

/**
 * Evaluates {@code <date_expression>} at a given time (Pacemaker's pe__eval_date_expr):
 * in_range with start, end or a duration, gt, lt, and date_spec with its cron-like ranges.
 * Times without an offset are UTC.
 */
public final class DateRules {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:-(?:W(\\d{2})-(\\d)|(\\d{2})-(\\d{2})|(\\d{3})))?"
                    + "(?:[T ](\\d{2})(?::(\\d{2})(?::(\\d{2}))?)?)?"
                    + "(?:\\s*(Z|[+-]\\d{2}(?::?\\d{2})?))?");

    private DateRules() {
    }

    /** Whether the expression holds at {@code now} (UTC); an invalid expression never does. */
    public static boolean matches(DateExpression expression, LocalDateTime now) {
        String op = expression.getOperation() == null ? "in_range" : expression.getOperation();
        LocalDateTime start = parse(expression.getStart());
        LocalDateTime end = parse(expression.getEnd());
        return switch (op) {
            case "in_range" -> {
                if (end == null && start != null && expression.duration().isPresent()) {
                    end = plus(start, expression.duration().get());
                }
                yield (start != null || end != null) && (start == null || !now.isBefore(start))
                        && (end == null || !now.isAfter(end));
            }
            case "gt" -> start != null && now.isAfter(start);
            case "lt" -> end != null && now.isBefore(end);
            case "date_spec" -> expression.dateSpec().map(spec -> matches(spec, now))
                    .orElse(false);
            default -> false;
        };
    }

    /** Parses Pacemaker's ISO 8601 forms (calendar, ordinal, week dates; optional time). */
    public static LocalDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        LocalDate date;
        if (m.group(2) != null) {
            date = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR,
                    Integer.parseInt(m.group(2))).with(java.time.temporal.ChronoField.DAY_OF_WEEK,
                            Integer.parseInt(m.group(3)));
        } else if (m.group(4) != null) {
            date = LocalDate.of(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        } else if (m.group(6) != null) {
            date = LocalDate.ofYearDay(year, Integer.parseInt(m.group(6)));
        } else {
            date = LocalDate.of(year, 1, 1);
        }
        LocalTime time = LocalTime.of(number(m.group(7)), number(m.group(8)),
                number(m.group(9)));
        LocalDateTime local = LocalDateTime.of(date, time);
        String offset = m.group(10);
        if (offset == null || offset.equals("Z")) {
            return local;
        }
        ZoneOffset zone = ZoneOffset.of(offset.length() == 3 ? offset + ":00" : offset);
        return local.atOffset(zone).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    private static LocalDateTime plus(LocalDateTime start, Duration d) {
        return start.plusYears(longOf(d.getYears())).plusMonths(longOf(d.getMonths()))
                .plusWeeks(longOf(d.getWeeks())).plusDays(longOf(d.getDays()))
                .plusHours(longOf(d.getHours())).plusMinutes(longOf(d.getMinutes()))
                .plusSeconds(longOf(d.getSeconds()));
    }

    private static long longOf(String value) {
        Long parsed = value == null ? null : CNumbers.leadingInteger(value);
        return parsed == null ? 0 : parsed;
    }

    /** Every field given must contain the corresponding part of {@code now}. */
    static boolean matches(DateSpec spec, LocalDateTime now) {
        return in(spec.getYears(), now.getYear()) && in(spec.getMonths(), now.getMonthValue())
                && in(spec.getMonthdays(), now.getDayOfMonth())
                && in(spec.getHours(), now.getHour()) && in(spec.getMinutes(), now.getMinute())
                && in(spec.getSeconds(), now.getSecond())
                && in(spec.getYeardays(), now.getDayOfYear())
                && in(spec.getWeekyears(), now.get(IsoFields.WEEK_BASED_YEAR))
                && in(spec.getWeeks(), now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                && in(spec.getWeekdays(), now.getDayOfWeek().getValue())
                && in(spec.getMoon(), moonPhase(now));
    }

    /** A cron-like range: "n" or "low-high" (either end may be missing). */
    private static boolean in(String range, int value) {
        if (range == null || range.isBlank()) {
            return true;
        }
        Function<String, Long> num = s -> s.isBlank() ? null : CNumbers.leadingInteger(s);
        int dash = range.indexOf('-', 1);
        if (dash < 0) {
            Long single = num.apply(range);
            return single != null && single == value;
        }
        Long low = num.apply(range.substring(0, dash));
        Long high = num.apply(range.substring(dash + 1));
        return (low == null || value >= low) && (high == null || value <= high);
    }

    /** The moon phase 0-7 as Pacemaker computes it (deprecated, kept for old CIBs). */
    private static int moonPhase(LocalDateTime now) {
        int yearDay = now.getDayOfYear() - 1;
        int golden = (now.getYear() % 19) + 1;
        int epact = (11 * golden + 18) % 30;
        if ((epact == 25 && golden > 11) || epact == 24) {
            epact++;
        }
        return (((((yearDay + epact) * 6) + 11) % 177) / 22) & 7;
    }
}
