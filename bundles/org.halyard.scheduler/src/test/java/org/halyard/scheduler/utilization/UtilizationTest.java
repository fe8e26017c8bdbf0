package org.halyard.scheduler.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UtilizationTest {

    @Test
    void strategyNamesAreCaseInsensitiveAndUnknownOnesMeanDefault() {
        assertEquals(PlacementStrategy.BALANCED, PlacementStrategy.parse("Balanced"));
        assertEquals(PlacementStrategy.DEFAULT, PlacementStrategy.parse("bogus"));
    }

    @Test
    void valuesAreReadAsPacemakerReadsThem() {
        assertEquals(1, Utilization.value("1.5"));
        assertEquals(8, Utilization.value("8GB"));
        assertEquals(-3, Utilization.value(" -3 "));
        assertEquals(0, Utilization.value("lots"));
        assertEquals(Integer.MAX_VALUE, Utilization.value("99999999999"));
    }
}
