package org.halyard.cib;

import java.util.Comparator;

/**
 * The version of a CIB: {@code admin_epoch}, {@code epoch} and {@code num_updates} of the
 * {@code <cib>} element. Ordered as Pacemaker orders them when it decides which of two CIBs is
 * newer: admin_epoch first, then epoch, then num_updates.
 *
 * <p>Pacemaker bumps {@code epoch} (and resets {@code num_updates}) on every configuration change
 * and bumps {@code num_updates} on every status change; an admin bumps {@code admin_epoch} to
 * force a CIB to win.
 */
public record CibVersion(long adminEpoch, long epoch, long numUpdates)
        implements Comparable<CibVersion> {

    private static final Comparator<CibVersion> ORDER = Comparator
            .comparingLong(CibVersion::adminEpoch)
            .thenComparingLong(CibVersion::epoch)
            .thenComparingLong(CibVersion::numUpdates);

    public CibVersion {
        if (adminEpoch < 0 || epoch < 0 || numUpdates < 0) {
            throw new IllegalArgumentException("CIB version components must not be negative: "
                    + adminEpoch + "." + epoch + "." + numUpdates);
        }
    }

    /**
     * Parses Pacemaker's notation {@code admin_epoch.epoch.num_updates}, e.g. {@code "0.42.7"}.
     *
     * @throws IllegalArgumentException if the text is not three non-negative integers
     */
    public static CibVersion parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw notAVersion(text, null);
        }
        try {
            return new CibVersion(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw notAVersion(text, e);
        }
    }

    private static IllegalArgumentException notAVersion(String text, Throwable cause) {
        return new IllegalArgumentException("not a CIB version (admin_epoch.epoch.num_updates): \""
                + text + "\"", cause);
    }

    /** The version after a configuration change: epoch + 1, num_updates reset to 0. */
    public CibVersion nextEpoch() {
        return new CibVersion(adminEpoch, Math.addExact(epoch, 1), 0);
    }

    /** The version after a status change: num_updates + 1. */
    public CibVersion nextUpdate() {
        return new CibVersion(adminEpoch, epoch, Math.addExact(numUpdates, 1));
    }

    public boolean isNewerThan(CibVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(CibVersion other) {
        return ORDER.compare(this, other);
    }

    /** Pacemaker's notation, e.g. {@code 0.42.7}. */
    @Override
    public String toString() {
        return adminEpoch + "." + epoch + "." + numUpdates;
    }
}
