package org.halyard.agents.metadata;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One action an agent supports, from its {@code <action>} element, with the timeout and interval it recommends.
 *
 * @param interval {@link Duration#ZERO} if the agent gives none
 * @param role     the role a monitor is meant for ({@code Promoted}, {@code Unpromoted}), empty if none
 * @param depth    the {@code OCF_CHECK_LEVEL} of a monitor, 0 if not given
 */
public record ActionDescription(String name, Optional<Duration> timeout, Duration interval, String role, int depth) {

    public ActionDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(interval, "interval");
        role = Objects.requireNonNullElse(role, "");
    }
}
