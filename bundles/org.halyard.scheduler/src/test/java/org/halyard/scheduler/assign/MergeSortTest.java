package org.halyard.scheduler.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeSortTest {

    /** Rock beats scissors beats paper beats rock: no order is consistent with it. */
    private static final Comparator<String> GAME = (a, b) -> a.equals(b) ? 0
            : (a + b).matches("RS|SP|PR") ? -1 : 1;

    @Test
    void splitsAsGlibDoesSoNonTransitiveComparisonsResolveAsInPacemaker() {
        assertEquals(List.of("R", "S", "P"), MergeSort.sort(List.of("R", "P", "S"), GAME));
    }

    @Test
    void keepsEqualItemsInTheirOrder() {
        Comparator<String> byLength = Comparator.comparingInt(String::length);
        assertEquals(List.of("b", "d", "aa", "cc"),
                MergeSort.sort(List.of("aa", "b", "cc", "d"), byLength));
    }
}
