package org.halyard.ui.connection;

import java.time.Duration;

/** Pauses between reconnect attempts: 1, 2, 4 ... seconds up to a ceiling, back to 1 s after success. */
final class Backoff {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private final Duration max;
    private Duration next = FIRST;

    Backoff(Duration max) {
        this.max = max;
    }

    synchronized Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now.compareTo(max) > 0 ? max : now;
    }

    synchronized void reset() {
        next = FIRST;
    }
}
