package org.halyard.cib.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scores and booleans as Pacemaker reads them. */
class ValuesTest {

    @Test
    void scoresSaturateAtInfinity() {
        assertEquals(Optional.of(new Score(1_000_000)), Score.parse("INFINITY"));
        assertEquals(Optional.of(new Score(1_000_000)), Score.parse("+INFINITY"));
        assertEquals(Optional.of(new Score(-1_000_000)), Score.parse("-INFINITY"));
        assertEquals(Optional.of(new Score(1_000_000)), Score.parse("99999999999999999999"));
        assertEquals(Optional.of(new Score(-1_000_000)), Score.parse("-2000000"));
        assertEquals(Optional.of(new Score(-50)), Score.parse(" -50 "));
        assertEquals(Optional.of(new Score(7)), Score.parse("+7"));
        assertEquals(Optional.empty(), Score.parse("red"));
        assertEquals(Optional.empty(), Score.parse("12abc"));
        assertEquals(Optional.empty(), Score.parse(null));
        assertEquals("-INFINITY", new Score(-1_000_000).toString());
        assertEquals("100", new Score(100).toString());
        assertTrue(new Score(1_000_000).isInfinite());
        assertThrows(IllegalArgumentException.class, () -> new Score(1_000_001));
    }

    @Test
    void booleansAreReadLikeCrmIsTrue() {
        for (String yes : new String[] {"true", "TRUE", "on", "yes", "y", "1"}) {
            assertEquals(Optional.of(true), CibValues.parseBoolean(yes), yes);
        }
        for (String no : new String[] {"false", "Off", "no", "n", "0"}) {
            assertEquals(Optional.of(false), CibValues.parseBoolean(no), no);
        }
        assertEquals(Optional.empty(), CibValues.parseBoolean("maybe"));
        assertFalse(CibValues.isTrue(null));
        assertFalse(CibValues.isTrue("maybe"));
        assertTrue(CibValues.isTrue("Yes"));
    }
}
