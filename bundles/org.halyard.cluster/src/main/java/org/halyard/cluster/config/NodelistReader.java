package org.halyard.cluster.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code nodelist { node { ... } ... }} into {@link NodeEntry}s, checking that members are distinct. */
final class NodelistReader {

    private static final Pattern RING_ADDR = Pattern.compile("ring(\\d+)_addr");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\."
                    + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final long MAX_NODEID = 0xFFFF_FFFFL;

    private final Diagnostics diagnostics;
    private final TotemReader totem;
    // value -> line of the node that has it, for messages about clashes
    private final Map<Long, Integer> byNodeid = new HashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<String, Integer> byAddress = new HashMap<>();

    private NodelistReader(TotemReader totem, Diagnostics diagnostics) {
        this.totem = totem;
        this.diagnostics = diagnostics;
    }

    /** @param nodelist the nodelist section, or null when the file has none */
    static List<NodeEntry> read(ConfSection nodelist, TotemReader totem, Diagnostics diagnostics) {
        if (nodelist == null) {
            return List.of();
        }
        NodelistReader reader = new NodelistReader(totem, diagnostics);
        SectionReader r = new SectionReader(nodelist, "nodelist", diagnostics);
        List<NodeEntry> nodes = new ArrayList<>();
        for (ConfSection node : r.sections("node")) {
            reader.readNode(node).ifPresent(nodes::add);
        }
        r.finish();
        return nodes;
    }

    private Optional<NodeEntry> readNode(ConfSection node) {
        SectionReader r = new SectionReader(node, "nodelist.node", diagnostics);
        Optional<ConfKey> ring0 = nonEmpty(r, "ring0_addr");
        Optional<ConfKey> nameKey = nonEmpty(r, "name");
        Optional<ConfKey> nodeidKey = r.key("nodeid");
        int votes = (int) r.number("quorum_votes", 1, 0, 65535);
        refuseOtherRings(r, node);
        r.finish();
        if (ring0.isEmpty()) {
            diagnostics.error(node.position(), "nodelist.node: missing ring0_addr (the address Halyard connects to)");
            return Optional.empty();
        }
        // Pacemaker's rule: the node's name is 'name', else its ring0_addr
        String name = nameKey.orElse(ring0.get()).value();
        Optional<Long> nodeid = nodeidKey.isPresent()
                ? explicitNodeid(r, nodeidKey.get())
                : derivedNodeid(node, name, ring0.get());
        int line = node.position().line();
        boolean distinct = unique(byName, name, nameKey.orElse(ring0.get()), line,
                "nodelist.node.name: '" + name + "' is already the name of the node on line ")
                & unique(byAddress, ring0.get().value(), ring0.get(), line,
                "nodelist.node.ring0_addr: '" + ring0.get().value() + "' is already the address of the node on line ");
        if (nodeid.isPresent()) {
            String clash = nodeidKey.isPresent()
                    ? "nodelist.node.nodeid: " + nodeid.get()
                    : "nodelist.node '" + name + "': the nodeid derived from ring0_addr (" + nodeid.get() + ")";
            distinct &= unique(byNodeid, nodeid.get(), nodeidKey.orElse(ring0.get()), line,
                    clash + " is already the nodeid of the node on line ");
        }
        return nodeid.isPresent() && distinct
                ? Optional.of(new NodeEntry(nodeid.get(), name, ring0.get().value(), votes))
                : Optional.empty();
    }

    private static Optional<ConfKey> nonEmpty(SectionReader r, String key) {
        Optional<ConfKey> k = r.key(key);
        if (k.isPresent() && k.get().value().isEmpty()) {
            r.error(k.get(), r.path(key) + ": missing value");
            return Optional.empty();
        }
        return k;
    }

    /** ring1_addr and up: refused for the reason given at {@link TotemReader#REDUNDANT_RINGS}. */
    private static void refuseOtherRings(SectionReader r, ConfSection node) {
        for (ConfEntry entry : node.entries()) {
            Matcher m = RING_ADDR.matcher(entry.name());
            if (entry instanceof ConfKey && m.matches() && !m.group(1).equals("0")) {
                r.key(entry.name()).ifPresent(k -> r.diagnostics().error(k.position(), r.path(k.name()) + ": "
                        + TotemReader.REDUNDANT_RINGS + "; remove " + k.name()));
            }
        }
    }

    private static Optional<Long> explicitNodeid(SectionReader r, ConfKey key) {
        long nodeid = r.number(key, 0, 1, MAX_NODEID);
        return nodeid == 0 ? Optional.empty() : Optional.of(nodeid);
    }

    /**
     * corosync derives a missing nodeid from the IPv4 ring0_addr, but only for udp and udpu;
     * knet needs it written. Halyard needs one either way: it is the node's id in the CIB.
     */
    private Optional<Long> derivedNodeid(ConfSection node, String name, ConfKey ring0) {
        String prefix = "nodelist.node '" + name + "': missing nodeid";
        if (totem.transport() == Transport.KNET) {
            diagnostics.error(node.position(), prefix + ", which the knet transport (corosync 3's default) requires;"
                    + " add nodeid: <1..4294967295>");
            return Optional.empty();
        }
        if (!IPV4.matcher(ring0.value()).matches()) {
            diagnostics.error(node.position(), prefix + ", and ring0_addr '" + ring0.value()
                    + "' is not an IPv4 address to derive one from; add nodeid: <1..4294967295>");
            return Optional.empty();
        }
        long nodeid = 0;
        for (String octet : ring0.value().split("\\.")) {
            nodeid = (nodeid << 8) | Integer.parseInt(octet);
        }
        if (totem.clearNodeHighBit()) {
            nodeid &= 0x7FFF_FFFFL;
        }
        if (nodeid == 0) {
            diagnostics.error(ring0.valuePosition(), prefix + ", and the one derived from ring0_addr '"
                    + ring0.value() + "' is 0, which is reserved; add nodeid: <1..4294967295>");
            return Optional.empty();
        }
        return Optional.of(nodeid);
    }

    private <K> boolean unique(Map<K, Integer> seen, K value, ConfKey at, int line, String clashMessage) {
        Integer earlier = seen.putIfAbsent(value, line);
        if (earlier != null) {
            diagnostics.error(at.valuePosition(), clashMessage + earlier);
            return false;
        }
        return true;
    }
}
