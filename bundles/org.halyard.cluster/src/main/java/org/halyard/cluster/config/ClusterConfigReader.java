package org.halyard.cluster.config;

import static java.util.Map.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads corosync.conf into a {@link ClusterConfig}: syntax first ({@link CorosyncConfParser}),
 * then each section, then the checks that need several sections at once (a member list must
 * exist; timeouts and votes depend on the number of nodes).
 *
 * <p>Outcome: either a {@link ClusterConfig} whose {@link ClusterConfig#warnings() warnings}
 * list everything ignored or treated differently, or a {@link ClusterConfigException} listing
 * every error. Unknown keys are warnings; unknown sections are errors (a misspelt
 * {@code nodelist} must not silently lose the members).
 *
 * <p>Halyard needs the member list up front (its membership layer connects to the members; it
 * does not discover them by multicast), so a file without a nodelist is refused, with the most
 * specific reason available: corosync 1.x {@code member} entries, a multicast address, or
 * nothing at all.
 */
public final class ClusterConfigReader {

    /** Top-level sections corosync 3 knows that have no meaning for Halyard, and why. */
    private static final Map<String, String> IGNORED_SECTIONS = Map.ofEntries(
            entry("system", "scheduling and IPC settings of the corosync daemon"),
            entry("resources", "corosync's watchdog resource; Halyard's fencing covers failed nodes"),
            entry("uidgid", "users and groups allowed on corosync's IPC; Halyard's API authorizes by CIB ACL roles"));

    private static final String ADD_NODELIST = "add a nodelist { node { ring0_addr: ... nodeid: ... } }";

    private ClusterConfigReader() {
    }

    /**
     * Reads a corosync.conf file (UTF-8; bytes that are not UTF-8, such as Latin-2 comments, are
     * tolerated). Messages name the file as {@code file.toString()}.
     *
     * @throws ClusterConfigException when the file cannot be read or cannot be used
     */
    public static ClusterConfig read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ClusterConfigException(new ConfigDiagnostic(ConfigDiagnostic.Severity.ERROR,
                    SourcePosition.wholeFile(file.toString()), "cannot read the file: " + e), e);
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Reads corosync.conf text.
     *
     * @param sourceName the file name to use in messages
     * @throws ClusterConfigException when the text cannot be used
     */
    public static ClusterConfig parse(String sourceName, String text) {
        ConfSection root = CorosyncConfParser.parse(sourceName, text);
        Diagnostics diagnostics = new Diagnostics(sourceName);
        SectionReader top = new SectionReader(root, "", diagnostics);
        ConfSection totemSection = single(top, "totem", diagnostics);
        ConfSection nodelistSection = single(top, "nodelist", diagnostics);
        ConfSection quorumSection = single(top, "quorum", diagnostics);
        ConfSection loggingSection = single(top, "logging", diagnostics);
        readOtherTopLevel(top, diagnostics);

        TotemReader totem = new TotemReader(totemSection, diagnostics);
        List<NodeEntry> nodes = NodelistReader.read(nodelistSection, totem, diagnostics);
        boolean hasNodelist = nodelistSection != null && !nodelistSection.sections("node").isEmpty();
        checkMemberList(totem, hasNodelist, diagnostics);
        Totem totemConfig = totem.toTotem(nodes.size());
        Optional<QuorumConfig> quorum = QuorumReader.read(quorumSection, nodes, diagnostics);
        Optional<LoggingConfig> logging = LoggingReader.read(loggingSection, diagnostics);
        diagnostics.throwIfErrors();
        return new ClusterConfig(totemConfig, nodes, quorum.orElseThrow(), logging.orElseThrow(),
                diagnostics.warnings());
    }

    /** corosync merges repeated sections silently; for the four that matter that hides mistakes. */
    private static ConfSection single(SectionReader top, String name, Diagnostics diagnostics) {
        List<ConfSection> found = top.sections(name);
        for (ConfSection again : found.subList(Math.min(1, found.size()), found.size())) {
            diagnostics.error(again.position(), "section '" + name + "' appears again (first on line "
                    + found.get(0).position().line() + "); merge them into one");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static void readOtherTopLevel(SectionReader top, Diagnostics diagnostics) {
        top.key("compatibility").ifPresent(k -> diagnostics.warning(k.position(), "compatibility: " + k.value()
                + ": ignored: unsupported corosync 1.x key (openais compatibility mode)"));
        LegacySections.read(top, diagnostics);
        IGNORED_SECTIONS.forEach((name, why) -> top.sections(name).forEach(s ->
                diagnostics.warning(s.position(), name + ": ignored: " + why)));
        top.sections("nozzle").forEach(s -> diagnostics.error(s.position(), "nozzle: the libnozzle network device"
                + " is not supported; Halyard does not tunnel IP traffic between nodes"));
        top.finish();
    }

    private static void checkMemberList(TotemReader totem, boolean hasNodelist, Diagnostics diagnostics) {
        if (hasNodelist) {
            totem.mcastaddr().ifPresent(k -> diagnostics.warning(k.position(),
                    "totem.interface.mcastaddr: ignored: Halyard sends to the nodelist members"));
            totem.firstMember().ifPresent(p -> diagnostics.warning(p,
                    "totem.interface.member: ignored: the nodelist lists the members (corosync 2+ ignores it too)"));
        } else if (totem.firstMember().isPresent()) {
            List<String> addresses = totem.memberAddresses();
            diagnostics.error(totem.firstMember().get(), "totem.interface.member is corosync 1.x's member list;"
                    + " Halyard reads the members from a nodelist: replace the member sections with "
                    + nodelistFor(addresses));
        } else if (totem.mcastaddr().isPresent()) {
            diagnostics.error(totem.mcastaddr().get().position(), "totem.interface.mcastaddr without a nodelist:"
                    + " Halyard needs the member list; " + ADD_NODELIST);
        } else {
            diagnostics.fileError("no nodelist: Halyard needs the member list; " + ADD_NODELIST);
        }
    }

    /** A nodelist an admin can paste, numbering nodes in member order. */
    private static String nodelistFor(List<String> addresses) {
        if (addresses.isEmpty()) {
            return "nodelist { node { ring0_addr: ... nodeid: ... } }";
        }
        return IntStream.range(0, addresses.size())
                .mapToObj(i -> "node { ring0_addr: " + addresses.get(i) + " nodeid: " + (i + 1) + " }")
                .collect(Collectors.joining(" ", "nodelist { ", " }"));
    }
}
