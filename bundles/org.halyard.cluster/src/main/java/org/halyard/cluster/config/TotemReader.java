package org.halyard.cluster.config;

import static java.util.Map.entry;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code totem { }}. The result needs the nodelist's size (the effective token depends on
 * it), so reading happens in the constructor and {@link #toTotem(int)} finishes the job.
 */
final class TotemReader {

    /** corosync's MINIMUM_TIMEOUT, {@code (1000 / HZ) * 3} with HZ = 100. */
    static final long MINIMUM_TIMEOUT_MS = 30;

    /**
     * Why rings 1+ are refused rather than ignored with a warning: the admin configured them
     * for redundancy. Running on ring 0 alone would quietly remove that redundancy, and the
     * first failure of ring 0's network would then split the cluster and start fencing that
     * the admin believes the second ring prevents. Refusing makes the downgrade a conscious
     * decision; bonding the NICs under ring 0 keeps the redundancy.
     */
    static final String REDUNDANT_RINGS = "redundant rings are not supported (Halyard has one network path per"
            + " node, ring 0; bond the NICs for redundancy)";

    static final String ALWAYS_ENCRYPTED = "Halyard always encrypts and authenticates cluster traffic with"
            + " AES-256-GCM under a key derived from the authkey";

    private static final String TUNING = "totem protocol tuning without a counterpart in Halyard's transport";
    private static final String KNET = "kronosnet setting; Halyard does not use kronosnet";
    private static final String REMOVED = "removed in corosync 2";
    private static final String NO_MULTICAST = "Halyard does not use multicast";

    private static final Map<String, String> IGNORED = Map.ofEntries(
            entry("token_warning", TUNING), entry("hold", TUNING), entry("send_join", TUNING),
            entry("merge", TUNING), entry("downcheck", TUNING), entry("fail_recv_const", TUNING),
            entry("seqno_unchanged_const", TUNING), entry("heartbeat_failures_allowed", TUNING),
            entry("max_network_delay", TUNING), entry("window_size", TUNING), entry("max_messages", TUNING),
            entry("miss_count_const", TUNING), entry("cancel_token_hold_on_retransmit", TUNING),
            entry("token_retransmit", "Halyard derives its heartbeat interval from token"),
            entry("netmtu", "TCP sizes its own segments"),
            entry("knet_pmtud_interval", KNET), entry("knet_mtu", KNET), entry("knet_compression_model", KNET),
            entry("knet_compression_threshold", KNET), entry("knet_compression_level", KNET),
            entry("crypto_model", "Halyard uses the JDK's AES-GCM"),
            entry("ip_dscp", "Halyard does not mark its packets"),
            entry("ip_version", "Halyard resolves ring0_addr with the system resolver"),
            entry("block_unlisted_ips", "Halyard accepts only authenticated nodelist members anyway"),
            entry("config_version", "Halyard does not compare corosync.conf versions between nodes"),
            entry("link_mode", "Halyard uses a single link"),
            entry("nodeid", "give each node its nodeid in the nodelist"),
            entry("threads", REMOVED), entry("vsftype", REMOVED),
            entry("rrp_problem_count_timeout", REMOVED), entry("rrp_problem_count_threshold", REMOVED),
            entry("rrp_problem_count_mcast_threshold", REMOVED), entry("rrp_token_expired_timeout", REMOVED),
            entry("rrp_autorecovery_check_timeout", REMOVED));

    private static final Map<String, String> IGNORED_IN_INTERFACE = Map.ofEntries(
            entry("bindnetaddr", "each node listens on its own ring0_addr"),
            entry("ttl", NO_MULTICAST), entry("broadcast", NO_MULTICAST),
            entry("knet_link_priority", KNET), entry("knet_ping_interval", KNET), entry("knet_ping_timeout", KNET),
            entry("knet_ping_precision", KNET), entry("knet_pong_count", KNET), entry("knet_transport", KNET));

    /** rrp_mode's values; only NONE is accepted. */
    private enum RrpMode {
        NONE, ACTIVE, PASSIVE
    }

    private final Diagnostics diagnostics;
    private final Optional<SourcePosition> sectionPosition;
    private int version = 2;
    private Optional<String> clusterName = Optional.empty();
    private Transport transport = Transport.KNET;
    private Duration token = Totem.DEFAULT_TOKEN;
    private Duration tokenCoefficient = Totem.DEFAULT_TOKEN_COEFFICIENT;
    private int retransmitsBeforeLoss = Totem.DEFAULT_TOKEN_RETRANSMITS_BEFORE_LOSS_CONST;
    private Duration join = Totem.DEFAULT_JOIN;
    private Optional<Duration> consensus = Optional.empty();
    private CryptoCipher cipher = CryptoCipher.AES256;
    private CryptoHash hash = CryptoHash.SHA256;
    private Path keyfile = Totem.DEFAULT_KEYFILE;
    private int port = Totem.DEFAULT_PORT;
    private boolean clearNodeHighBit;
    private Optional<ConfKey> tokenKey = Optional.empty();
    private Optional<ConfKey> consensusKey = Optional.empty();
    private Optional<ConfKey> retransmitsKey = Optional.empty();
    private Optional<ConfKey> mcastaddr = Optional.empty();
    private final List<ConfKey> memberAddresses = new ArrayList<>();
    private Optional<SourcePosition> firstMember = Optional.empty();

    /** @param section the totem section, or null when the file has none (all defaults) */
    TotemReader(ConfSection section, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.sectionPosition = Optional.ofNullable(section).map(ConfSection::position);
        if (section != null) {
            read(new SectionReader(section, "totem", diagnostics));
        }
    }

    private void read(SectionReader r) {
        r.key("version").ifPresent(k -> {
            version = (int) r.number(k, 2, 0, Integer.MAX_VALUE);
            if (version != 2) {
                r.error(k, "totem.version: " + version + " is not supported; the only totem version is 2");
            }
        });
        clusterName = r.word("cluster_name");
        transport = r.choice("transport", Transport.KNET, Transport.class);
        tokenKey = r.key("token");
        token = r.millis("token", Totem.DEFAULT_TOKEN, MINIMUM_TIMEOUT_MS);
        tokenCoefficient = r.millis("token_coefficient", Totem.DEFAULT_TOKEN_COEFFICIENT, 0);
        retransmitsKey = r.key("token_retransmits_before_loss_const");
        retransmitsBeforeLoss = (int) r.number("token_retransmits_before_loss_const",
                Totem.DEFAULT_TOKEN_RETRANSMITS_BEFORE_LOSS_CONST, 1, 1000);
        join = r.millis("join", Totem.DEFAULT_JOIN, MINIMUM_TIMEOUT_MS);
        consensusKey = r.key("consensus");
        if (consensusKey.isPresent()) {
            consensus = Optional.of(r.millis("consensus", Totem.DEFAULT_TOKEN, MINIMUM_TIMEOUT_MS));
        }
        clearNodeHighBit = r.bool("clear_node_high_bit", false);
        readCrypto(r);
        r.key("keyfile").ifPresent(k -> setKeyfile(r, k));
        r.key("key").ifPresent(k -> diagnostics.error(k.position(), "totem.key: a key written into corosync.conf"
                + " is not supported; put it in an authkey file (mode 0600) and name it with totem.keyfile"));
        r.key("rrp_mode").ifPresent(k -> {
            RrpMode mode = r.choice("rrp_mode", RrpMode.NONE, RrpMode.class);
            if (mode != RrpMode.NONE) {
                r.error(k, "totem.rrp_mode: " + SectionReader.keyword(mode) + ": " + REDUNDANT_RINGS
                        + "; set rrp_mode: none");
            }
        });
        r.ignoreAll(IGNORED);
        readInterfaces(r);
        r.finish();
    }

    private void setKeyfile(SectionReader r, ConfKey k) {
        try {
            if (k.value().isEmpty()) {
                r.error(k, "totem.keyfile: missing value");
            } else {
                keyfile = Path.of(k.value());
            }
        } catch (InvalidPathException e) {
            r.error(k, "totem.keyfile: '" + k.value() + "' is not a valid path");
        }
    }

    /**
     * secauth implies aes256 + sha256 unless the crypto keys say otherwise (corosync 3). Whatever
     * is configured, Halyard encrypts; asking for less is worth a warning, asking for AES-256 is not.
     */
    private void readCrypto(SectionReader r) {
        Optional<ConfKey> secauthKey = r.key("secauth");
        boolean secauth = r.bool("secauth", true);
        Optional<ConfKey> cipherKey = r.key("crypto_cipher");
        Optional<ConfKey> hashKey = r.key("crypto_hash");
        cipher = r.choice("crypto_cipher", secauth ? CryptoCipher.AES256 : CryptoCipher.NONE, CryptoCipher.class);
        hash = r.choice("crypto_hash", secauth ? CryptoHash.SHA256 : CryptoHash.NONE, CryptoHash.class);
        ConfKey cipherCause = null;
        if (cipher != CryptoCipher.AES256) {
            cipherCause = cipherKey.or(() -> secauthKey).orElseThrow();
            warnWeakCrypto(cipherCause);
        }
        if (hash == CryptoHash.NONE) {
            ConfKey hashCause = hashKey.or(() -> secauthKey).orElseThrow();
            if (hashCause != cipherCause) {
                warnWeakCrypto(hashCause);
            }
        }
    }

    private void warnWeakCrypto(ConfKey cause) {
        diagnostics.warning(cause.position(), "totem." + cause.name() + ": " + cause.value() + ": ignored: "
                + ALWAYS_ENCRYPTED);
    }

    private void readInterfaces(SectionReader totem) {
        Map<Long, SourcePosition> links = new HashMap<>();
        for (ConfSection section : totem.sections("interface")) {
            SectionReader r = new SectionReader(section, "totem.interface", diagnostics);
            Optional<ConfKey> linknumber = r.key("linknumber");
            Optional<ConfKey> ringnumber = r.key("ringnumber");
            Optional<ConfKey> linkKey = linknumber.or(() -> ringnumber);
            long link = linkKey.map(k -> r.number(k, 0, 0, 7)).orElse(0L);
            SourcePosition first = links.putIfAbsent(link, section.position());
            if (first != null) {
                diagnostics.error(section.position(), "totem.interface: link " + link
                        + " is configured twice (first on line " + first.line() + ")");
            }
            int linkPort = (int) r.number("mcastport", Totem.DEFAULT_PORT, 1, 65535);
            if (link > 0) {
                ConfKey k = linkKey.orElseThrow();
                r.error(k, "totem.interface." + k.name() + ": " + link + ": " + REDUNDANT_RINGS
                        + "; remove this interface section");
            } else {
                port = linkPort;
            }
            // the multicast address only matters when there is no nodelist; the caller decides
            Optional<ConfKey> address = r.key("mcastaddr");
            if (mcastaddr.isEmpty()) {
                mcastaddr = address;
            }
            r.ignoreAll(IGNORED_IN_INTERFACE);
            readMembers(r, link);
            r.finish();
        }
    }

    /** corosync 1.x's udpu member list, {@code member { memberaddr: ... }}. */
    private void readMembers(SectionReader iface, long link) {
        for (ConfSection member : iface.sections("member")) {
            SectionReader r = new SectionReader(member, "totem.interface.member", diagnostics);
            Optional<ConfKey> address = r.key("memberaddr");
            if (firstMember.isEmpty()) {
                firstMember = Optional.of(member.position());
            }
            if (link == 0) {
                address.ifPresent(memberAddresses::add);
            }
            r.finish();
        }
    }

    Transport transport() {
        return transport;
    }

    boolean clearNodeHighBit() {
        return clearNodeHighBit;
    }

    Optional<SourcePosition> sectionPosition() {
        return sectionPosition;
    }

    /** The first {@code interface { mcastaddr }}, if any. */
    Optional<ConfKey> mcastaddr() {
        return mcastaddr;
    }

    /** Where the first corosync 1.x {@code member { }} section is, if any. */
    Optional<SourcePosition> firstMember() {
        return firstMember;
    }

    /** The {@code memberaddr}s of link 0, in file order. */
    List<String> memberAddresses() {
        return memberAddresses.stream().map(ConfKey::value).toList();
    }

    /** Finishes reading now that the nodelist's size is known, and checks the timeouts against each other. */
    Totem toTotem(int nodeCount) {
        Duration effectiveToken = Totem.effectiveToken(token, tokenCoefficient, nodeCount);
        Duration minimumConsensus = Totem.defaultConsensus(effectiveToken);
        Duration effectiveConsensus = consensus.orElse(minimumConsensus);
        if (effectiveConsensus.compareTo(join) < 0) {
            diagnostics.error(consensusKey.map(ConfKey::valuePosition).orElseGet(this::anyPosition),
                    "totem.consensus: " + effectiveConsensus.toMillis() + " ms is less than totem.join ("
                            + join.toMillis() + " ms)");
        } else if (consensus.isPresent() && effectiveConsensus.compareTo(minimumConsensus) < 0) {
            diagnostics.warning(consensusKey.orElseThrow().valuePosition(), "totem.consensus: "
                    + effectiveConsensus.toMillis() + " ms is below 1.2 * token (" + minimumConsensus.toMillis()
                    + " ms), the minimum corosync.conf(5) asks for; membership changes may be unstable");
        }
        Duration retransmit = Totem.tokenRetransmit(effectiveToken, retransmitsBeforeLoss);
        if (retransmit.toMillis() < MINIMUM_TIMEOUT_MS) {
            SourcePosition at = retransmitsKey.or(() -> tokenKey).map(ConfKey::valuePosition)
                    .orElseGet(this::anyPosition);
            diagnostics.error(at,
                    "totem.token_retransmits_before_loss_const: " + retransmitsBeforeLoss + " with a token of "
                            + effectiveToken.toMillis() + " ms gives a retransmit interval of "
                            + retransmit.toMillis() + " ms, below the minimum of " + MINIMUM_TIMEOUT_MS + " ms");
        }
        return new Totem(version, clusterName, transport, token, tokenCoefficient, effectiveToken,
                retransmitsBeforeLoss, effectiveConsensus, join, cipher, hash, keyfile, port);
    }

    private SourcePosition anyPosition() {
        return sectionPosition.orElseGet(() -> SourcePosition.wholeFile(diagnostics.source()));
    }
}
