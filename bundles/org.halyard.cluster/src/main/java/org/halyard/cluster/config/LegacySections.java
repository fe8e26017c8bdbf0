package org.halyard.cluster.config;

import java.util.Optional;

/**
 * The corosync 1.x / openais sections {@code amf}, {@code service} and {@code aisexec}.
 *
 * <p>Policy: they are reported as unsupported in every case, and refused only when they ask for
 * something Halyard cannot give. {@code service { name: pacemaker }} asks for the resource
 * manager, which Halyard is; {@code aisexec} names the executive's user, which the daemon's
 * service unit decides; a disabled {@code amf} asks for nothing. An enabled AMF or another
 * plug-in service would leave applications without the API they rely on, so those are errors.
 * Keys inside these sections are not checked one by one: the section-level message covers them.
 */
final class LegacySections {

    static final String SERVICE_NAME = "pacemaker";

    private LegacySections() {
    }

    static void read(SectionReader top, Diagnostics diagnostics) {
        for (ConfSection amf : top.sections("amf")) {
            Optional<ConfKey> mode = key(amf, "mode");
            if (mode.isEmpty() || mode.get().value().equals("disabled")) {
                diagnostics.warning(amf.position(), "amf: unsupported corosync 1.x section (openais AMF service);"
                        + " ignored as it is disabled");
            } else {
                diagnostics.error(mode.get().valuePosition(), "amf.mode: " + mode.get().value() + ": the openais AMF"
                        + " service is not supported (Halyard manages resources itself); set mode: disabled or"
                        + " remove the amf section");
            }
        }
        for (ConfSection service : top.sections("service")) {
            Optional<ConfKey> name = key(service, "name");
            if (name.isPresent() && name.get().value().equals(SERVICE_NAME)) {
                diagnostics.warning(service.position(), "service: unsupported corosync 1.x section (plug-in loading);"
                        + " ignored: Halyard itself is the resource manager that name: pacemaker loads");
            } else {
                diagnostics.error(name.map(ConfKey::valuePosition).orElse(service.position()), "service: "
                        + name.map(n -> "corosync 1.x plug-in '" + n.value() + "'").orElse("a plug-in without a name")
                        + " is not supported; Halyard provides no corosync services; remove the service section");
            }
        }
        for (ConfSection aisexec : top.sections("aisexec")) {
            diagnostics.warning(aisexec.position(), "aisexec: unsupported corosync 1.x section (user and group of"
                    + " the executive); ignored: the Halyard daemon's user is set by its service unit");
        }
    }

    /** The last value of a key, as corosync would take it. */
    private static Optional<ConfKey> key(ConfSection section, String name) {
        return section.entries().stream()
                .filter(e -> e instanceof ConfKey k && k.name().equals(name))
                .map(ConfKey.class::cast)
                .reduce((first, second) -> second);
    }
}
