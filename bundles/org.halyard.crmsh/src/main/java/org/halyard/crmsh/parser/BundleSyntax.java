package org.halyard.crmsh.parser;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a bundle crm syntax has words for, and their attributes (those of the CIB
 * schema); the printer shows a bundle with anything else as xml.
 */
public final class BundleSyntax {

    /** The containers crm 4.4 knows; podman came later. */
    public static final List<String> CONTAINERS = List.of("docker", "rkt");

    private static final Set<String> CONTAINER_ATTRIBUTES = Set.of("image", "replicas",
            "replicas-per-host", "masters", "promoted-max", "run-command", "network", "options");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "docker", CONTAINER_ATTRIBUTES,
            "rkt", CONTAINER_ATTRIBUTES,
            "network", Set.of("ip-range-start", "control-port", "host-interface", "host-netmask",
                    "add-host"),
            "storage", Set.of(),
            "port-mapping", Set.of("id", "port", "internal-port", "range"),
            "storage-mapping", Set.of("id", "source-dir", "source-dir-root", "target-dir",
                    "options"));

    private BundleSyntax() {
    }

    /** The attributes a part ({@code docker}, {@code port-mapping}...) may have, sorted. */
    public static List<String> attributes(String part) {
        return ATTRIBUTES.getOrDefault(part, Set.of()).stream().sorted().toList();
    }

    public static boolean allows(String part, String attribute) {
        return ATTRIBUTES.getOrDefault(part, Set.of()).contains(attribute);
    }
}
