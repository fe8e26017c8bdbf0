package org.halyard.scheduler.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.halyard.cib.model.rules.DateExpression;
import org.junit.jupiter.api.Test;

/** The ISO 8601 forms Pacemaker accepts, and the date_expression operations. */
class DateRulesTest {

    @Test
    void parsesOrdinalCalendarWeekDatesAndOffsets() {
        assertEquals(LocalDateTime.of(2005, 1, 20, 0, 0), DateRules.parse("2005-020"));
        assertEquals(LocalDateTime.of(2005, 1, 20, 12, 30), DateRules.parse("2005-020T12:30"));
        assertEquals(LocalDateTime.of(2014, 5, 7, 0, 28), DateRules.parse("2014-05-07 00:28:00"));
        assertEquals(LocalDateTime.of(2019, 9, 20, 15, 0),
                DateRules.parse("2019-09-20 17:00:00 +02:00"));
        assertEquals(LocalDateTime.of(2009, 1, 1, 0, 0), DateRules.parse("2009-W01-4"));
        assertNull(DateRules.parse("yesterday"));
    }

    @Test
    void inRangeGtAndLt() {
        LocalDateTime now = LocalDateTime.of(2005, 1, 20, 0, 0);
        assertFalse(DateRules.matches(expression("in_range", null, "2005-001"), now));
        assertTrue(DateRules.matches(expression("gt", "2005-001", null), now));
        assertTrue(DateRules.matches(expression("lt", null, "2005-021"), now));
        assertTrue(DateRules.matches(expression(null, "2005-019", "2005-021"), now));
    }

    private static DateExpression expression(String op, String start, String end) {
        DateExpression expression = new DateExpression();
        expression.setOperation(op);
        expression.setStart(start);
        expression.setEnd(end);
        return expression;
    }
}
