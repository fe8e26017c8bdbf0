package org.halyard.cluster.config;

import static org.halyard.cluster.config.ClusterConfigReaderTest.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Configurations Halyard refuses, with the exact message (file:line:col) for each. */
class ClusterConfigErrorsTest {

    private static String error(String text) {
        return assertThrows(ClusterConfigException.class, () -> ClusterConfigReader.parse("test.conf", text))
                .getMessage();
    }

    private static final String TWO_NODES = """
            nodelist {
                node {
                    ring0_addr: 10.0.0.1
                    nodeid: 1
                }
                node {
                    ring0_addr: 10.0.0.2
                    nodeid: 2
                }
            }
            """;

    @Test
    void multicastWithoutNodelist() {
        assertEquals("test.conf:4:9: totem.interface.mcastaddr without a nodelist: Halyard needs the member list;"
                + " add a nodelist { node { ring0_addr: ... nodeid: ... } }", error("""
                totem {
                    interface {
                        bindnetaddr: 10.0.0.0
                        mcastaddr: 239.255.1.1
                    }
                }
                """));
    }

    @Test
    void noMemberListAtAll() {
        assertEquals("test.conf: no nodelist: Halyard needs the member list; add a nodelist { node {"
                + " ring0_addr: ... nodeid: ... } }", error("""
                totem {
                    cluster_name: web
                }
                """));
        assertEquals("test.conf: no nodelist: Halyard needs the member list; add a nodelist { node {"
                + " ring0_addr: ... nodeid: ... } }", error("nodelist {\n}\n"));
    }

    @Test
    void corosync1MemberListGetsAPastableNodelist() {
        assertEquals("test.conf:5:9: totem.interface.member is corosync 1.x's member list; Halyard reads the"
                + " members from a nodelist: replace the member sections with nodelist { node { ring0_addr:"
                + " 10.211.0.201 nodeid: 1 } node { ring0_addr: 10.211.0.2 nodeid: 2 } }", error("""
                totem {
                    transport: udpu
                    interface {
                        ringnumber: 0
                        member {
                            memberaddr: 10.211.0.201
                        }
                        member {
                            memberaddr: 10.211.0.2
                        }
                    }
                }
                """));
    }

    @Test
    void redundantRingsAreRefusedWherever() {
        assertEquals("""
                test.conf:2:15: totem.rrp_mode: active: redundant rings are not supported (Halyard has one network\
                 path per node, ring 0; bond the NICs for redundancy); set rrp_mode: none
                test.conf:7:21: totem.interface.linknumber: 1: redundant rings are not supported (Halyard has one\
                 network path per node, ring 0; bond the NICs for redundancy); remove this interface section
                test.conf:14:9: nodelist.node.ring1_addr: redundant rings are not supported (Halyard has one network\
                 path per node, ring 0; bond the NICs for redundancy); remove ring1_addr""", error("""
                totem {
                    rrp_mode: active
                    interface {
                        linknumber: 0
                    }
                    interface {
                        linknumber: 1
                    }
                }
                nodelist {
                    node {
                        ring0_addr: 10.0.0.1
                        nodeid: 1
                        ring1_addr: 10.1.0.1
                    }
                }
                """));
    }

    @Test
    void refusedRingIsStillCheckedButNotAlsoCalledUnknown() {
        assertEquals("""
                test.conf:5:21: totem.interface.ringnumber: 1: redundant rings are not supported (Halyard has one\
                 network path per node, ring 0; bond the NICs for redundancy); remove this interface section
                test.conf:6:20: totem.interface.mcastport: 0 is out of range (1..65535)""",
                error("totem {\n    interface {\n    }\n    interface {\n        ringnumber: 1\n        mcastport: 0\n"
                        + "    }\n}\n" + TWO_NODES));
    }

    @Test
    void duplicateLink() {
        assertEquals("test.conf:5:5: totem.interface: link 0 is configured twice (first on line 2)",
                error("totem {\n    interface {\n        mcastport: 5405\n    }\n    interface {\n    }\n}\n"
                        + TWO_NODES));
    }

    @Test
    void nodesMustBeDistinct() {
        assertEquals("""
                test.conf:8:17: nodelist.node.nodeid: 1 is already the nodeid of the node on line 2
                test.conf:12:15: nodelist.node.name: 'alpha' is already the name of the node on line 2
                test.conf:13:21: nodelist.node.ring0_addr: '10.0.0.1' is already the address of the node on line 2""",
                error("""
                        nodelist {
                            node {
                                ring0_addr: 10.0.0.1
                                name: alpha
                                nodeid: 1
                            }
                            node {
                                nodeid: 1
                                ring0_addr: 10.0.0.2
                            }
                            node {
                                name: alpha
                                ring0_addr: 10.0.0.1
                                nodeid: 3
                            }
                        }
                        """));
    }

    /** A clashing node is left out of the list, so it cannot cause follow-up errors (here: two_node with 3 nodes). */
    @Test
    void clashingNodeCausesNoFollowUpErrors() {
        assertEquals("test.conf:12:17: nodelist.node.nodeid: 2 is already the nodeid of the node on line 6",
                error(TWO_NODES.replace("}\n}\n", "}\n    node {\n        ring0_addr: 10.0.0.3\n        nodeid: 2\n"
                        + "    }\n}\n") + "quorum {\n    provider: corosync_votequorum\n    two_node: 1\n}\n"));
    }

    @Test
    void nodeidIsNeededWhereCorosyncNeedsIt() {
        assertEquals("test.conf:2:5: nodelist.node 'alpha.example.com': missing nodeid, which the knet transport"
                + " (corosync 3's default) requires; add nodeid: <1..4294967295>", error("""
                nodelist {
                    node {
                        ring0_addr: alpha.example.com
                    }
                }
                """));
        assertEquals("test.conf:5:5: nodelist.node 'web1': missing nodeid, and ring0_addr 'web1.example.com' is not an"
                + " IPv4 address to derive one from; add nodeid: <1..4294967295>", error("""
                totem {
                    transport: udpu
                }
                nodelist {
                    node {
                        ring0_addr: web1.example.com
                        name: web1
                    }
                }
                """));
        assertEquals("test.conf:10:21: nodelist.node '10.0.0.1': the nodeid derived from ring0_addr (167772161) is"
                + " already the nodeid of the node on line 5", error("""
                totem {
                    transport: udp
                }
                nodelist {
                    node {
                        ring0_addr: 10.0.0.2
                        nodeid: 167772161
                    }
                    node {
                        ring0_addr: 10.0.0.1
                    }
                }
                """));
        assertEquals("test.conf:3:17: nodelist.node.nodeid: 0 is out of range (1..4294967295)",
                error("nodelist {\n    node {\n        nodeid: 0\n        ring0_addr: a\n    }\n}\n"));
    }

    @Test
    void nodeWithoutAddress() {
        assertEquals("test.conf:2:5: nodelist.node: missing ring0_addr (the address Halyard connects to)",
                error("nodelist {\n    node {\n        name: alpha\n        nodeid: 1\n    }\n}\n"));
    }

    @Test
    void twoNodeNeedsExactlyTwoNodes() {
        assertEquals("test.conf:18:15: quorum.two_node: 1 needs exactly 2 nodes; the nodelist has 3",
                error(cluster("", 3).replace("quorum {\n", "quorum {\n    two_node: 1\n")));
    }

    @Test
    void twoNodeConflicts() {
        assertEquals("""
                test.conf:14:21: quorum.expected_votes: two_node needs 2, not 3
                test.conf:15:23: quorum.auto_tie_breaker: cannot be combined with two_node (corosync would silently\
                 disable two_node); use one of them""", error(TWO_NODES + """
                quorum {
                    provider: corosync_votequorum
                    two_node: 1
                    expected_votes: 3
                    auto_tie_breaker: 1
                }
                """));
    }

    @Test
    void expectedVotesBelowTheMajorityAllowsSplitBrain() {
        String three = cluster("", 3).replace("quorum {\n", "quorum {\n    expected_votes: 1\n");
        assertEquals("test.conf:18:21: quorum.expected_votes: 1 gives a quorum of 1, not a majority of the"
                + " nodelist's 3 votes, so two partitions could both be quorate; remove expected_votes (votequorum"
                + " computes it from the nodelist) or set it to 3", error(three));
        // 3 of 4 looks like a majority, but gives a quorum of 2: two halves of 2 would both be quorate
        String four = cluster("", 4).replace("quorum {\n", "quorum {\n    expected_votes: 3\n");
        assertEquals("test.conf:22:21: quorum.expected_votes: 3 gives a quorum of 2, not a majority of the"
                + " nodelist's 4 votes, so two partitions could both be quorate; remove expected_votes (votequorum"
                + " computes it from the nodelist) or set it to 4", error(four));
    }

    @Test
    void expectedVotesThatCanNeverBeReached() {
        String three = cluster("", 3).replace("quorum {\n", "quorum {\n    expected_votes: 8\n");
        assertEquals("test.conf:18:21: quorum.expected_votes: 8 needs 5 votes for quorum, but the nodelist has only"
                + " 3: the cluster could never be quorate", error(three));
    }

    @Test
    void quorumFeaturesHalyardDoesNotHave() {
        assertEquals("""
                test.conf:12:15: quorum.provider: 'quorum_cman' is not supported; Halyard implements\
                 corosync_votequorum
                test.conf:13:22: quorum.allow_downscale: an incomplete votequorum feature that Halyard does not\
                 implement; remove it or set it to 0
                test.conf:14:30: quorum.expected_votes_tracking: votequorum's on-disk expected votes that Halyard\
                 does not implement; remove it or set it to 0
                test.conf:15:5: quorum.device: quorum devices (corosync-qdevice) are not supported; Halyard counts\
                 node votes only""", error(TWO_NODES + """
                quorum {
                    provider: quorum_cman
                    allow_downscale: 1
                    expected_votes_tracking: 1
                    device {
                        model: net
                    }
                }
                """));
    }

    @Test
    void tieBreakerChecks() {
        String odd = cluster("", 3).replace("quorum {\n", "quorum {\n    auto_tie_breaker: 1\n"
                + "    auto_tie_breaker_node: 1 9\n");
        assertEquals("""
                test.conf:18:23: quorum.auto_tie_breaker: with an odd number of votes (3) it needs wait_for_all: 1
                test.conf:19:28: quorum.auto_tie_breaker_node: nodeid 9 is not in the nodelist""", error(odd));
        String bad = cluster("", 2).replace("quorum {\n", "quorum {\n    auto_tie_breaker: 1\n"
                + "    auto_tie_breaker_node: first\n");
        assertEquals("test.conf:15:28: quorum.auto_tie_breaker_node: 'first' is not lowest, highest or a list of"
                + " nodeids", error(bad));
    }

    @Test
    void lastManStandingNeedsOneVoteEach() {
        assertEquals("test.conf:14:24: quorum.last_man_standing: needs every node to have quorum_votes: 1"
                + " (votequorum(5))", error(TWO_NODES.replace("nodeid: 2\n", "nodeid: 2\n        quorum_votes: 2\n")
                + "quorum {\n    wait_for_all: 1\n    last_man_standing: 1\n}\n"));
    }

    @Test
    void unknownSectionsAreErrorsWithSuggestions() {
        assertEquals("""
                test.conf:11:1: unknown section 'nodelst' (did you mean 'nodelist'?)
                test.conf:13:1: unknown section 'aisxec' (did you mean 'aisexec'?)
                test.conf:16:5: unknown section 'quorum.votequorum'""", error(TWO_NODES + """
                nodelst {
                }
                aisxec {
                }
                quorum {
                    votequorum {
                    }
                }
                """));
        assertEquals("test.conf:3:9: unknown section 'totem.interface.members' (did you mean 'member'?)",
                error("totem {\n    interface {\n        members {\n        }\n    }\n}\n" + TWO_NODES));
    }

    @Test
    void repeatedTopLevelSection() {
        assertEquals("test.conf:13:1: section 'totem' appears again (first on line 11); merge them into one",
                error(TWO_NODES + "totem {\n}\ntotem {\n}\n"));
    }

    @Test
    void badValues() {
        assertEquals("""
                test.conf:2:14: totem.version: 3 is not supported; the only totem version is 2
                test.conf:3:16: totem.transport: 'tcp' is not one of knet, udp, udpu
                test.conf:4:12: totem.token: 'fast' is not a number of milliseconds
                test.conf:5:11: totem.join: 10 ms is below the minimum of 30 ms
                test.conf:6:14: totem.secauth: 'maybe' is not yes or no (also accepted: on/off, 1/0)
                test.conf:7:20: totem.crypto_cipher: 'des' is not one of none, aes256, aes192, aes128
                test.conf:9:20: totem.interface.mcastport: 70000 is out of range (1..65535)
                test.conf:11:5: totem.key: a key written into corosync.conf is not supported; put it in an authkey\
                 file (mode 0600) and name it with totem.keyfile""", error("""
                totem {
                    version: 3
                    transport: tcp
                    token: fast
                    join: 10
                    secauth: maybe
                    crypto_cipher: des
                    interface {
                        mcastport: 70000
                    }
                    key: secret
                }
                """ + TWO_NODES));
    }

    @Test
    void timeoutsThatContradictEachOther() {
        assertEquals("test.conf:3:16: totem.consensus: 100 ms is less than totem.join (200 ms)",
                error("totem {\n    join: 200\n    consensus: 100\n}\n" + TWO_NODES));
        assertEquals("test.conf:3:42: totem.token_retransmits_before_loss_const: 200 with a token of 3000 ms gives a"
                + " retransmit interval of 14 ms, below the minimum of 30 ms",
                error("totem {\n    token: 3000\n    token_retransmits_before_loss_const: 200\n}\n" + TWO_NODES));
    }

    @Test
    void legacySectionsThatAskForMissingFeatures() {
        assertEquals("""
                test.conf:12:11: amf.mode: enabled: the openais AMF service is not supported (Halyard manages\
                 resources itself); set mode: disabled or remove the amf section
                test.conf:15:11: service: corosync 1.x plug-in 'openais_ckpt' is not supported; Halyard provides no\
                 corosync services; remove the service section
                test.conf:17:1: service: a plug-in without a name is not supported; Halyard provides no corosync\
                 services; remove the service section
                test.conf:20:1: nozzle: the libnozzle network device is not supported; Halyard does not tunnel IP\
                 traffic between nodes""", error(TWO_NODES + """
                amf {
                    mode: enabled
                }
                service {
                    name: openais_ckpt
                }
                service {
                    ver: 0
                }
                nozzle {
                    name: noz01
                }
                """));
    }

    @Test
    void logfileNeededForToLogfile() {
        assertEquals("""
                test.conf:12:17: logging.to_logfile: yes needs logging.logfile, the path of the log file
                test.conf:13:22: logging.syslog_facility: 'kern' is not one of daemon, local0 .. local7
                test.conf:14:5: logging.logger_subsys: missing subsys (the subsystem's name)""", error(TWO_NODES + """
                logging {
                    to_logfile: yes
                    syslog_facility: kern
                    logger_subsys {
                        debug: on
                    }
                }
                """));
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnceInFileOrder() {
        ClusterConfigException e = assertThrows(ClusterConfigException.class, () -> ClusterConfigReader.parse(
                "test.conf", "quorum {\n    provider: other\n}\ntotem {\n    rrp_mode: passive\n}\nfoo {\n}\n"));
        assertEquals(4, e.errors().size());
        assertEquals("""
                test.conf: no nodelist: Halyard needs the member list; add a nodelist { node { ring0_addr: ...\
                 nodeid: ... } }
                test.conf:2:15: quorum.provider: 'other' is not supported; Halyard implements corosync_votequorum
                test.conf:5:15: totem.rrp_mode: passive: redundant rings are not supported (Halyard has one network\
                 path per node, ring 0; bond the NICs for redundancy); set rrp_mode: none
                test.conf:7:1: unknown section 'foo'""", e.getMessage());
    }
}
