package org.halyard.scheduler.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeCapacitiesTest {

    private final NodeCapacities capacities = new NodeCapacities(Map.of(
            "n1", Map.of("cpu", 4, "memory", 1024),
            "n2", Map.of("cpu", 2)));

    @Test
    void consumingLeavesLessForTheNextResource() {
        assertTrue(capacities.hasEnough("n1", Map.of("cpu", 3)));
        capacities.consume("n1", Map.of("cpu", 3));
        assertFalse(capacities.hasEnough("n1", Map.of("cpu", 3)));
        capacities.release("n1", Map.of("cpu", 3));
        assertTrue(capacities.hasEnough("n1", Map.of("cpu", 3)));
    }

    @Test
    void anAttributeTheNodeLacksIsZeroCapacity() {
        assertFalse(capacities.hasEnough("n2", Map.of("memory", 1)));
        assertTrue(capacities.hasEnough("n2", Map.of("memory", 0)));
    }

    @Test
    void consumingAnUndefinedAttributeStaysAtZeroAsInPacemaker() {
        capacities.consume("n2", Map.of("memory", 512));
        assertEquals(0, capacities.remaining("n2").get("memory"));
    }

    @Test
    void comparisonCountsAttributesNotAmounts() {
        // n1 has more cpu and more memory: two attributes in its favour
        assertEquals(-2, capacities.compare("n1", "n2"));
        capacities.consume("n1", Map.of("cpu", 3));
        // n2 now has more cpu, n1 still more memory
        assertEquals(0, capacities.compare("n1", "n2"));
    }
}
