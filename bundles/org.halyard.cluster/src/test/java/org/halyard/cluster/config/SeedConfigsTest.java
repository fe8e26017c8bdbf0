package org.halyard.cluster.config;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.halyard.cluster.config.CorosyncConfExamples.Example;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corosync.conf example in the shared seed documents and field configs either loads or is
 * refused with the exact message for what Halyard does not support. All of them are corosync 1.x
 * configurations without a nodelist, so a second step adds a two-node nodelist after the example
 * (positions stay the seed file's own) and checks how the rest of the admin's file fares.
 */
class SeedConfigsTest {

    private static final String LOADS = "loads";

    private static final String NODELIST = """
            nodelist {
                node {
                    ring0_addr: 192.0.2.1
                    nodeid: 1
                }
                node {
                    ring0_addr: 192.0.2.2
                    nodeid: 2
                }
            }
            """;

    /**
     * @param firstLine    where the example starts in the seed file
     * @param lastLine     where it ends
     * @param asWritten    the exact exception message for the example as written, or {@link #LOADS}
     * @param withNodelist the outcome with a nodelist added: an exact message, or "loads" and the warning count
     */
    private record Expected(int firstLine, int lastLine, String asWritten, String withNodelist) {
    }

    private static final String NO_NODELIST = ": no nodelist: Halyard needs the member list; add a nodelist"
            + " { node { ring0_addr: ... nodeid: ... } }";
    private static final String MCAST = " totem.interface.mcastaddr without a nodelist: Halyard needs the member"
            + " list; add a nodelist { node { ring0_addr: ... nodeid: ... } }";
    private static final String RINGS = "redundant rings are not supported (Halyard has one network path per"
            + " node, ring 0; bond the NICs for redundancy)";

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            // 'token 3000' lacks its colon; corosync 1.x silently dropped such lines (so token was 1000 ms),
            // corosync 2+ refuses the file as Halyard does
            entry("000_c495b252711a65bc.txt#0", new Expected(110, 150,
                    "000_c495b252711a65bc.txt:112:8: missing ':' after key 'token'",
                    "000_c495b252711a65bc.txt:112:8: missing ':' after key 'token'")),
            entry("000_c495b252711a65bc.txt#1", new Expected(164, 191,
                    "000_c495b252711a65bc.txt" + NO_NODELIST, LOADS + ", 5 warnings")),
            entry("001_270ef1b6ab6173a8.txt#0", new Expected(699, 703,
                    "001_270ef1b6ab6173a8.txt" + NO_NODELIST, LOADS + ", 2 warnings")),
            // expected_votes: 1 was the corosync 1.x + pacemaker plug-in habit; with two real nodes it lets both
            // halves of a split cluster be quorate
            entry("002_0661260abd828f3a.txt#0", new Expected(42, 122,
                    "002_0661260abd828f3a.txt:82:9:" + MCAST,
                    "002_0661260abd828f3a.txt:94:21: quorum.expected_votes: 1 gives a quorum of 1, not a majority"
                            + " of the nodelist's 2 votes, so two partitions could both be quorate; remove"
                            + " expected_votes (votequorum computes it from the nodelist) or set it to 2")),
            entry("003_ff35feddf188eeb6.txt#0", new Expected(81, 122,
                    "003_ff35feddf188eeb6.txt:88:9:" + MCAST + "\n"
                            + "003_ff35feddf188eeb6.txt:119:1: unknown section 'aisxec' (did you mean 'aisexec'?)",
                    "003_ff35feddf188eeb6.txt:119:1: unknown section 'aisxec' (did you mean 'aisexec'?)")),
            entry("004_89c7c212ad77d647.txt#0", new Expected(22, 82,
                    "004_89c7c212ad77d647.txt:56:15: totem.rrp_mode: passive: " + RINGS + "; set rrp_mode: none\n"
                            + "004_89c7c212ad77d647.txt:62:9: totem.interface.member is corosync 1.x's member list;"
                            + " Halyard reads the members from a nodelist: replace the member sections with"
                            + " nodelist { node { ring0_addr: 10.10.222.1 nodeid: 1 } node { ring0_addr: 10.10.222.2"
                            + " nodeid: 2 } }\n"
                            + "004_89c7c212ad77d647.txt:76:21: totem.interface.ringnumber: 1: " + RINGS
                            + "; remove this interface section",
                    "004_89c7c212ad77d647.txt:56:15: totem.rrp_mode: passive: " + RINGS + "; set rrp_mode: none\n"
                            + "004_89c7c212ad77d647.txt:76:21: totem.interface.ringnumber: 1: " + RINGS
                            + "; remove this interface section")),
            // the tail of a config that the article split across two code blocks
            entry("004_89c7c212ad77d647.txt#1", new Expected(102, 131,
                    "004_89c7c212ad77d647.txt" + NO_NODELIST, LOADS + ", 6 warnings")),
            entry("corosync-rrp-udpu.pl.conf.txt#0", new Expected(1, 41,
                    "corosync-rrp-udpu.pl.conf.txt:3:8: missing ':' after key 'token'",
                    "corosync-rrp-udpu.pl.conf.txt:3:8: missing ':' after key 'token'")));

    private static List<Example> examples() {
        Path shared = CorosyncConfExamples.sharedDir();
        return CorosyncConfExamples.in(shared.resolve("seeds"), shared.resolve("data/field-configs"));
    }

    @TestFactory
    Stream<DynamicTest> everySeedExampleLoadsOrIsRefusedPrecisely() {
        return examples().stream().map(example -> dynamicTest(example.name(), () -> {
            Expected expected = EXPECTED.get(example.name());
            assertNotNull(expected, "no expectation for the example starting on line " + example.line()
                    + "; add one to SeedConfigsTest.EXPECTED");
            assertEquals(expected.firstLine(), example.line(), "first line");
            assertEquals(expected.lastLine(), example.text().split("\n", -1).length - 1, "last line");
            assertEquals(expected.asWritten(), outcome(example.file(), example.text()), "as written");
            assertEquals(expected.withNodelist(), outcome(example.file(), example.text() + NODELIST),
                    "with a nodelist added");
        }));
    }

    private static String outcome(String file, String text) {
        try {
            ClusterConfig config = ClusterConfigReader.parse(file, text);
            return LOADS + ", " + config.warnings().size() + " warnings";
        } catch (ClusterConfigException e) {
            return e.getMessage();
        }
    }

    /** Guards the extraction: a seed whose examples disappear must fail, not pass vacuously. */
    @Test
    void everyExpectationHasItsExample() {
        assertEquals(new TreeSet<>(EXPECTED.keySet()),
                new TreeSet<>(examples().stream().map(Example::name).toList()));
    }

    @Test
    void extractionStopsAtProseFencesAndStrayBraces() {
        List<Example> found = CorosyncConfExamples.extract("doc.md", """
                Intro text.
                totem {
                    version: 2
                }
                # a comment between sections
                quorum {
                    provider: corosync_votequorum
                }
                Then some prose: not corosync.
                ```
                logging {
                    debug: off
                }
                }
                service {
                    name: pacemaker
                }
                END
                """);
        assertEquals(List.of("doc.md#0@2", "doc.md#1@11", "doc.md#2@15"),
                found.stream().map(e -> e.name() + "@" + e.line()).toList());
        assertEquals("\ntotem {\n    version: 2\n}\n# a comment between sections\nquorum {\n"
                + "    provider: corosync_votequorum\n}\n", found.get(0).text());
        assertEquals(13, found.get(1).text().split("\n", -1).length - 1, "the stray '}' is left out");
        assertEquals(17, found.get(2).text().split("\n", -1).length - 1, "END is left out");
    }

    @Test
    void anExampleAsWrittenIsReadWithTheSeedsPositions() {
        Example first = examples().get(0);
        ClusterConfigException e = assertThrows(ClusterConfigException.class,
                () -> ClusterConfigReader.parse(first.file(), first.text()));
        assertEquals(new SourcePosition("000_c495b252711a65bc.txt", 112, 8), e.errors().get(0).position());
    }
}
