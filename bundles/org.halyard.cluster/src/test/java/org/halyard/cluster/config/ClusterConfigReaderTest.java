package org.halyard.cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.halyard.cluster.config.LoggingConfig.Debug;
import org.halyard.cluster.config.LoggingConfig.Subsys;
import org.halyard.cluster.config.LoggingConfig.Timestamp;
import org.halyard.cluster.config.QuorumConfig.TieBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configurations that load: defaults, derived values and warnings. */
class ClusterConfigReaderTest {

    /** What pcs writes for a two-node corosync 3 cluster: must load without a single warning. */
    static final String PCS_TWO_NODE = """
            totem {
                version: 2
                cluster_name: web
                transport: knet
                crypto_cipher: aes256
                crypto_hash: sha256
            }

            nodelist {
                node {
                    ring0_addr: 10.0.0.1
                    name: alpha
                    nodeid: 1
                }

                node {
                    ring0_addr: 10.0.0.2
                    name: beta
                    nodeid: 2
                }
            }

            quorum {
                provider: corosync_votequorum
                two_node: 1
            }

            logging {
                to_logfile: yes
                logfile: /var/log/cluster/corosync.log
                to_syslog: yes
                timestamp: on
            }
            """;

    static ClusterConfig load(String text) {
        return ClusterConfigReader.parse("test.conf", text);
    }

    /** A nodelist of n nodes 10.0.0.1.. with nodeids 1.., plus a quorum section. */
    static String cluster(String totem, int n) {
        String nodes = IntStream.rangeClosed(1, n)
                .mapToObj(i -> "    node {\n        ring0_addr: 10.0.0." + i + "\n        nodeid: " + i + "\n    }\n")
                .collect(Collectors.joining());
        return "totem {\n" + totem + "}\nnodelist {\n" + nodes + "}\nquorum {\n    provider: corosync_votequorum\n}\n";
    }

    private static List<String> warnings(ClusterConfig config) {
        return config.warnings().stream().map(ConfigDiagnostic::toString).toList();
    }

    @Test
    void pcsConfigLoadsCleanly() {
        ClusterConfig config = load(PCS_TWO_NODE);
        assertEquals(List.of(), warnings(config));
        assertEquals(List.of(new NodeEntry(1, "alpha", "10.0.0.1", 1), new NodeEntry(2, "beta", "10.0.0.2", 1)),
                config.nodes());
        assertEquals(Optional.of("web"), config.totem().clusterName());
        assertEquals(Transport.KNET, config.totem().transport());
        assertEquals(new QuorumConfig(2, true, true, false, Duration.ofSeconds(10), false, TieBreaker.LOWEST),
                config.quorum());
        assertEquals(1, config.quorum().quorum(), "two_node keeps quorum with one node");
        assertEquals(new LoggingConfig(true, true, Optional.of(Path.of("/var/log/cluster/corosync.log")), true,
                "daemon", Debug.OFF, Timestamp.ON, List.of()), config.logging());
        assertEquals(Optional.of(new NodeEntry(2, "beta", "10.0.0.2", 1)), config.node("beta"));
        assertEquals("alpha", config.node(1).orElseThrow().name());
        assertEquals(Optional.empty(), config.node("gamma"));
    }

    @Test
    void totemDefaultsAreCorosync3s() {
        Totem totem = load(cluster("", 2)).totem();
        assertEquals(2, totem.version());
        assertEquals(Optional.empty(), totem.clusterName());
        assertEquals(Transport.KNET, totem.transport());
        assertEquals(Duration.ofMillis(3000), totem.token());
        assertEquals(Duration.ofMillis(650), totem.tokenCoefficient());
        assertEquals(Duration.ofMillis(3000), totem.effectiveToken(), "no coefficient for two nodes");
        assertEquals(4, totem.tokenRetransmitsBeforeLossConst());
        assertEquals(Duration.ofMillis(3600), totem.consensus());
        assertEquals(Duration.ofMillis(50), totem.join());
        assertEquals(Duration.ofMillis(714), totem.tokenRetransmit(), "3000 / 4.2, truncated");
        assertEquals(CryptoCipher.AES256, totem.cryptoCipher());
        assertEquals(CryptoHash.SHA256, totem.cryptoHash());
        assertEquals(Path.of("/etc/halyard/authkey"), totem.keyfile());
        assertEquals(5405, totem.port());
    }

    @Test
    void effectiveTokenAddsTheCoefficientPerNodeBeyondTwo() {
        Totem three = load(cluster("", 3)).totem();
        assertEquals(Duration.ofMillis(3650), three.effectiveToken());
        assertEquals(Duration.ofMillis(4380), three.consensus(), "consensus follows the effective token");
        assertEquals(Duration.ofMillis(869), three.tokenRetransmit());
        Totem five = load(cluster("    token: 1000\n    token_coefficient: 500\n", 5)).totem();
        assertEquals(Duration.ofMillis(1000), five.token());
        assertEquals(Duration.ofMillis(2500), five.effectiveToken());
        assertEquals(Duration.ofMillis(3000), five.consensus());
        Totem off = load(cluster("    token: 10000\n    token_coefficient: 0\n", 16)).totem();
        assertEquals(Duration.ofMillis(10000), off.effectiveToken());
    }

    @Test
    void effectiveTokenFormula() {
        Duration token = Duration.ofMillis(3000);
        Duration coefficient = Duration.ofMillis(650);
        assertEquals(token, Totem.effectiveToken(token, coefficient, 1));
        assertEquals(token, Totem.effectiveToken(token, coefficient, 2));
        assertEquals(Duration.ofMillis(3000 + 30 * 650), Totem.effectiveToken(token, coefficient, 32));
        assertEquals(Duration.ofMillis(3601), Totem.defaultConsensus(Duration.ofMillis(3001)), "1.2 * 3001, truncated");
    }

    @Test
    void explicitTimeoutsWin() {
        Totem totem = load(cluster("""
                    token: 5000
                    token_retransmits_before_loss_const: 10
                    consensus: 7000
                    join: 60
                """, 3)).totem();
        assertEquals(Duration.ofMillis(5650), totem.effectiveToken());
        assertEquals(Duration.ofMillis(7000), totem.consensus());
        assertEquals(Duration.ofMillis(60), totem.join());
        assertEquals(Duration.ofMillis(553), totem.tokenRetransmit(), "5650 / 10.2, truncated");
    }

    @Test
    void udpuDerivesNodeidsFromIpv4AddressesLikeCorosync() {
        ClusterConfig config = load("""
                totem {
                    transport: udpu
                }
                nodelist {
                    node {
                        ring0_addr: 10.0.0.1
                    }
                    node {
                        ring0_addr: 192.168.1.1
                        name: beta
                    }
                }
                quorum {
                    provider: corosync_votequorum
                }
                """);
        assertEquals(List.of(new NodeEntry(0x0A000001L, "10.0.0.1", "10.0.0.1", 1),
                new NodeEntry(0xC0A80101L, "beta", "192.168.1.1", 1)), config.nodes());
        ClusterConfig cleared = load("""
                totem {
                    transport: udp
                    clear_node_high_bit: yes
                }
                nodelist {
                    node {
                        ring0_addr: 192.168.1.1
                    }
                }
                quorum {
                    provider: corosync_votequorum
                }
                """);
        assertEquals(0x40A80101L, cleared.nodes().get(0).nodeid());
    }

    @Test
    void quorumDefaultsFollowTheNodelistAndVotes() {
        ClusterConfig config = load("""
                nodelist {
                    node {
                        ring0_addr: a
                        nodeid: 1
                        quorum_votes: 2
                    }
                    node {
                        ring0_addr: b
                        nodeid: 2
                    }
                    node {
                        ring0_addr: c
                        nodeid: 3
                    }
                }
                quorum {
                    provider: corosync_votequorum
                    wait_for_all: 1
                    auto_tie_breaker: 1
                    auto_tie_breaker_node: 3 1
                    last_man_standing_window: 20000
                }
                """);
        QuorumConfig quorum = config.quorum();
        assertEquals(4, quorum.expectedVotes());
        assertEquals(3, quorum.quorum());
        assertFalse(quorum.twoNode());
        assertTrue(quorum.waitForAll());
        assertEquals(new TieBreaker(TieBreaker.Policy.LIST, List.of(3L, 1L)), quorum.autoTieBreakerNode());
        assertEquals(Duration.ofSeconds(20), quorum.lastManStandingWindow());
        assertEquals(List.of(), warnings(config));
    }

    @Test
    void loggingWithSubsystems() {
        LoggingConfig logging = load(cluster("", 1) + """
                logging {
                    to_stderr: no
                    debug: trace
                    syslog_facility: local3
                    timestamp: hires
                    logger_subsys {
                        subsys: QUORUM
                        debug: on
                    }
                    logger_subsys {
                        subsys: TOTEM
                    }
                }
                """).logging();
        assertEquals(new LoggingConfig(false, false, Optional.empty(), true, "local3", Debug.TRACE, Timestamp.HIRES,
                List.of(new Subsys("QUORUM", Debug.ON), new Subsys("TOTEM", Debug.TRACE))), logging);
    }

    @Test
    void ignoredAndUnknownKeysAreWarnedNotDropped() {
        ClusterConfig config = load("""
                compatibility: whitetank
                totem {
                    version: 2
                    secauth: off
                    threads: 0
                    max_messages: 20
                    tokn: 1000
                    transport: udp
                    transport: knet
                    interface {
                        ringnumber: 0
                        bindnetaddr: 10.0.0.0
                        mcastaddr: 239.255.1.1
                        mcastport: 5500
                    }
                }
                nodelist {
                    node {
                        ring0_addr: 10.0.0.1
                        nodeid: 1
                        colour: blue
                    }
                }
                logging {
                    fileline: off
                }
                amf {
                    mode: disabled
                }
                service {
                    name: pacemaker
                    ver: 0
                }
                aisexec {
                    user: root
                }
                system {
                    sched_rr: yes
                }
                """);
        assertEquals(List.of(
                "test.conf: warning: no quorum section: Halyard applies votequorum semantics anyway (expected votes"
                        + " from the nodelist)",
                "test.conf:1:1: warning: compatibility: whitetank: ignored: unsupported corosync 1.x key (openais"
                        + " compatibility mode)",
                "test.conf:4:5: warning: totem.secauth: off: ignored: Halyard always encrypts and authenticates"
                        + " cluster traffic with AES-256-GCM under a key derived from the authkey",
                "test.conf:5:5: warning: totem.threads: ignored: removed in corosync 2",
                "test.conf:6:5: warning: totem.max_messages: ignored: totem protocol tuning without a counterpart in"
                        + " Halyard's transport",
                "test.conf:7:5: warning: totem.tokn: unknown key (did you mean 'token'?); ignored",
                "test.conf:9:5: warning: totem.transport is set again; 'knet' replaces 'udp' from line 8",
                "test.conf:12:9: warning: totem.interface.bindnetaddr: ignored: each node listens on its own"
                        + " ring0_addr",
                "test.conf:13:9: warning: totem.interface.mcastaddr: ignored: Halyard sends to the nodelist members",
                "test.conf:21:9: warning: nodelist.node.colour: unknown key; ignored",
                "test.conf:25:5: warning: logging.fileline: ignored: Halyard's log layout is fixed",
                "test.conf:27:1: warning: amf: unsupported corosync 1.x section (openais AMF service); ignored as it"
                        + " is disabled",
                "test.conf:30:1: warning: service: unsupported corosync 1.x section (plug-in loading); ignored:"
                        + " Halyard itself is the resource manager that name: pacemaker loads",
                "test.conf:34:1: warning: aisexec: unsupported corosync 1.x section (user and group of the"
                        + " executive); ignored: the Halyard daemon's user is set by its service unit",
                "test.conf:37:1: warning: system: ignored: scheduling and IPC settings of the corosync daemon"),
                warnings(config));
        assertEquals(Transport.KNET, config.totem().transport(), "the last value wins, as in corosync");
        assertEquals(5500, config.totem().port());
        assertEquals(CryptoCipher.NONE, config.totem().cryptoCipher(), "kept as configured, for display");
        assertEquals(ConfigDiagnostic.Severity.WARNING, config.warnings().get(0).severity());
    }

    @Test
    void cautionaryWarnings() {
        ClusterConfig config = load("""
                totem {
                    consensus: 3000
                    crypto_cipher: aes128
                    crypto_hash: none
                }
                nodelist {
                    node {
                        ring0_addr: 10.0.0.1
                        nodeid: 1
                    }
                    node {
                        ring0_addr: 10.0.0.2
                        nodeid: 2
                    }
                    node {
                        ring0_addr: 10.0.0.3
                        nodeid: 3
                    }
                }
                quorum {
                    expected_votes: 4
                    last_man_standing: 1
                    auto_tie_breaker_node: lowest
                }
                """);
        assertEquals(List.of(
                "test.conf:2:16: warning: totem.consensus: 3000 ms is below 1.2 * token (4380 ms), the minimum"
                        + " corosync.conf(5) asks for; membership changes may be unstable",
                "test.conf:3:5: warning: totem.crypto_cipher: aes128: ignored: Halyard always encrypts and"
                        + " authenticates cluster traffic with AES-256-GCM under a key derived from the authkey",
                "test.conf:4:5: warning: totem.crypto_hash: none: ignored: Halyard always encrypts and"
                        + " authenticates cluster traffic with AES-256-GCM under a key derived from the authkey",
                "test.conf:20:1: warning: quorum: no provider: Halyard applies votequorum semantics anyway (in"
                        + " corosync, no provider means no quorum at all)",
                "test.conf:21:21: warning: quorum.expected_votes: 4 is more than the nodelist's 3 votes; quorum"
                        + " needs 3 of them",
                "test.conf:22:5: warning: quorum.last_man_standing: without wait_for_all: 1 a partition started"
                        + " alone can become quorate; votequorum(5) calls wait_for_all essential here",
                "test.conf:23:5: warning: quorum.auto_tie_breaker_node: ignored: auto_tie_breaker is not enabled"),
                warnings(config));
        assertEquals(4, config.quorum().expectedVotes());
    }

    @Test
    void readsFilesAndNamesThemInMessages(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corosync.conf");
        // a Latin-2 comment is not UTF-8; it must not stop the file from being read
        byte[] comment = "# Przyk\u0142adowa konfiguracja\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, comment);
        Files.writeString(file, PCS_TWO_NODE, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(2, ClusterConfigReader.read(file).nodes().size());

        Files.writeString(file, "totem {\n");
        ClusterConfigException broken =
                assertThrows(ClusterConfigException.class, () -> ClusterConfigReader.read(file));
        assertEquals(file + ":1:1: section 'totem' is never closed: missing '}' before the end of the file",
                broken.getMessage());

        Path missing = dir.resolve("missing.conf");
        ClusterConfigException e = assertThrows(ClusterConfigException.class, () -> ClusterConfigReader.read(missing));
        assertEquals(missing + ": cannot read the file: java.nio.file.NoSuchFileException: " + missing, e.getMessage());
    }
}
