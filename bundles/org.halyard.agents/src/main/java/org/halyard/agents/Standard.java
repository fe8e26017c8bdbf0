package org.halyard.agents;

import java.util.Locale;

/** The resource agent standards Pacemaker knows (the {@code class} attribute of a primitive). */
public enum Standard {
    OCF, LSB, SYSTEMD, STONITH,
    /** An LSB init script or a systemd unit, whichever the node has: systemd first. */
    SERVICE;

    /** The name as written in the CIB and in crm agent specifications, e.g. {@code ocf}. */
    public String crmName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Standard fromCrmName(String name) {
        for (Standard standard : values()) {
            if (standard.crmName().equals(name)) {
                return standard;
            }
        }
        throw new AgentException("unknown resource agent standard \"" + name
                + "\" (expected one of ocf, lsb, systemd, stonith, service)");
    }
}
