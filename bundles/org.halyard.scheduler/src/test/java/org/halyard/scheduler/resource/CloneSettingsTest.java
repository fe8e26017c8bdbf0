package org.halyard.scheduler.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CloneSettingsTest {

    @Test
    void defaultsFollowTheNodeCount() {
        CloneSettings settings = CloneSettings.of(Map.of(), false, 3);
        assertEquals(3, settings.cloneMax());
        assertEquals(1, settings.cloneNodeMax());
        assertEquals(1, settings.promotedMax());
        assertEquals(1, settings.promotedNodeMax());
        assertFalse(settings.globallyUnique());
    }

    @Test
    void atLeastOneInstanceWithoutNodes() {
        assertEquals(1, CloneSettings.of(Map.of(), false, 0).cloneMax());
    }

    @Test
    void anonymousClonesRunOneInstancePerNode() {
        Map<String, String> meta = Map.of("clone-max", "5", "clone-node-max", "2");
        assertEquals(1, CloneSettings.of(meta, false, 2).cloneNodeMax());
        Map<String, String> unique = Map.of("clone-max", "5", "clone-node-max", "2",
                "globally-unique", "true");
        assertEquals(2, CloneSettings.of(unique, false, 2).cloneNodeMax());
    }

    @Test
    void legacyPromotedNamesAreRead() {
        Map<String, String> meta = Map.of("master-max", "2", "master-node-max", "2");
        CloneSettings settings = CloneSettings.of(meta, true, 2);
        assertEquals(2, settings.promotedMax());
        assertEquals(2, settings.promotedNodeMax());
        assertTrue(settings.promotable());
        Map<String, String> both = Map.of("promoted-max", "3", "master-max", "2");
        assertEquals(3, CloneSettings.of(both, true, 2).promotedMax());
    }

    @Test
    void invalidCountsMeanZero() {
        assertEquals(0, CloneSettings.of(Map.of("clone-max", "many"), false, 2).cloneMax());
        assertEquals(0, CloneSettings.of(Map.of("clone-max", "-3"), false, 2).cloneMax());
    }
}
