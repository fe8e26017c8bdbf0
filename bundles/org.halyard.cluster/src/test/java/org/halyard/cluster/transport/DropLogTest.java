package org.halyard.cluster.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DropLogTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final DropLog log = new DropLog(now::get, Duration.ofMinutes(1), 4);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void firstDropIsReportedThenOneLinePerMinuteWithTheCount() {
        assertEquals(Optional.of(new DropLog.Report("evil", 1, 1)), log.dropped("evil"));
        for (int i = 0; i < 500; i++) { // heartbeats of a wrong-key node for a while
            advance(Duration.ofMillis(100));
            assertTrue(log.dropped("evil").isEmpty(), "drop " + i + " within the minute must not be logged");
        }
        advance(Duration.ofSeconds(10)); // 60 s since the first report
        assertEquals(Optional.of(new DropLog.Report("evil", 501, 502)), log.dropped("evil"));
        assertTrue(log.dropped("evil").isEmpty());
        assertEquals(503, log.totalDropped());
        assertEquals(503, log.droppedFrom("evil"));
    }

    @Test
    void peersAreLimitedSeparately() {
        assertTrue(log.dropped("a").isPresent());
        assertTrue(log.dropped("b").isPresent(), "another peer's first drop is news");
        assertTrue(log.dropped("a").isEmpty());
        advance(Duration.ofSeconds(59));
        assertTrue(log.dropped("b").isEmpty());
        advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(new DropLog.Report("a", 2, 3)), log.dropped("a"));
    }

    @Test
    void forgedSenderNamesShareOneEntryBeyondTheLimit() {
        for (int i = 0; i < 100; i++) {
            log.dropped("forged-" + i);
        }
        // 3 named entries + the shared one: the other 97 drops were reported once, then counted
        assertEquals(97, log.droppedFrom(DropLog.OTHER_PEERS));
        assertEquals(100, log.totalDropped());
        assertTrue(log.dropped("forged-100").isEmpty());
    }

    @Test
    void unreportedDropsCanBeDrainedOnce() {
        log.dropped("x");
        log.dropped("x");
        log.dropped("x");
        assertEquals(List.of(new DropLog.Report("x", 2, 3)), log.drainUnreported());
        assertEquals(List.of(), log.drainUnreported());
    }
}
