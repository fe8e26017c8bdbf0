package org.halyard.cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CorosyncConfParserTest {

    private static ConfSection parse(String text) {
        return CorosyncConfParser.parse("test.conf", text);
    }

    private static String syntaxError(String text) {
        return assertThrows(ClusterConfigException.class, () -> parse(text)).getMessage();
    }

    private static ConfKey key(ConfSection section, int index) {
        return assertInstanceOf(ConfKey.class, section.entries().get(index));
    }

    private static ConfSection section(ConfSection section, int index) {
        return assertInstanceOf(ConfSection.class, section.entries().get(index));
    }

    @Test
    void readsNestedSectionsWithPositions() {
        ConfSection root = parse("""
                # comment
                totem {
                    version: 2
                    interface {
                \tlinknumber: 0
                    }
                }
                """);
        assertEquals("", root.name());
        assertEquals(1, root.entries().size());
        ConfSection totem = section(root, 0);
        assertEquals("totem", totem.name());
        assertEquals(new SourcePosition("test.conf", 2, 1), totem.position());
        ConfKey version = key(totem, 0);
        assertEquals("version", version.name());
        assertEquals("2", version.value());
        assertEquals("test.conf:3:5", version.position().toString());
        assertEquals("test.conf:3:14", version.valuePosition().toString());
        ConfSection iface = section(totem, 1);
        assertEquals("interface", iface.name());
        ConfKey link = key(iface, 0);
        assertEquals("linknumber", link.name());
        assertEquals(new SourcePosition("test.conf", 5, 2), link.position(), "a tab counts as one column");
    }

    @Test
    void valuesKeepColonsAndLoseBlanksAndTrailingComments() {
        ConfSection node = section(parse("""
                node {
                    ring0_addr: fe80::1:2
                    ttl: 1   # one hop
                    tags: enter|leave#not-a-comment
                    logfile:   /var/log/x.log\u00A0\u00A0
                    empty:
                    comment_only: # nothing
                }
                """), 0);
        assertEquals(List.of("fe80::1:2", "1", "enter|leave#not-a-comment", "/var/log/x.log", "", ""),
                node.entries().stream().map(e -> ((ConfKey) e).value()).toList());
    }

    @Test
    void quotedValuesKeepHashesAndEscapes() {
        ConfSection root = parse("""
                a: "x # y"
                b: "say \\"hi\\" \\\\ there"   # comment
                c: ""
                """);
        assertEquals("x # y", key(root, 0).value());
        assertEquals("say \"hi\" \\ there", key(root, 1).value());
        assertEquals("", key(root, 2).value());
    }

    @Test
    void acceptsCorosyncSpellingVariants() {
        ConfSection root = parse("service{\r\n    name:pacemaker\r\n    ver :0\r\n}\r\n");
        ConfSection service = section(root, 0);
        assertEquals("service", service.name());
        assertEquals("pacemaker", key(service, 0).value());
        assertEquals("ver", key(service, 1).name());
        assertEquals("0", key(service, 1).value());
    }

    @Test
    void sectionsFindsNestedSectionsByName() {
        ConfSection nodelist = section(parse("""
                nodelist {
                    node {
                    }
                    x: 1
                    node {
                    }
                }
                """), 0);
        assertEquals(2, nodelist.sections("node").size());
        assertEquals(5, nodelist.sections("node").get(1).position().line());
    }

    @Test
    void missingColon() {
        assertEquals("test.conf:3:10: missing ':' after key 'token'", syntaxError("""
                totem {
                    version: 2
                    token 3000
                }
                """));
    }

    @Test
    void lineThatIsNothing() {
        assertEquals("test.conf:2:5: 'END' is neither 'key: value', 'section {' nor '}'", syntaxError("""
                totem {
                    END
                }
                """));
    }

    @Test
    void unbalancedClosingBrace() {
        assertEquals("test.conf:4:1: unexpected '}': no section is open", syntaxError("""
                totem {
                    version: 2
                }
                }
                """));
    }

    @Test
    void sectionNeverClosedNamesTheInnermostOpenSection() {
        assertEquals("test.conf:3:5: section 'interface' is never closed: missing '}' before the end of the file",
                syntaxError("""
                        totem {
                            version: 2
                            interface {
                                linknumber: 0
                        """));
        // a '}' missing inside: the brace meant for totem closes interface, so totem is left open
        assertEquals("test.conf:1:1: section 'totem' is never closed: missing '}' before the end of the file",
                syntaxError("""
                        totem {
                            interface {
                                linknumber: 0
                        }
                        """));
    }

    @Test
    void textAfterOpeningBrace() {
        assertEquals("test.conf:1:9: unexpected text after '{' (put each key on a line of its own): 'version: 2'",
                syntaxError("""
                        totem { version: 2
                        }
                        """));
    }

    @Test
    void oneLineBlockIsReportedWithoutUnbalancingTheRest() {
        assertEquals("test.conf:1:10: unexpected text after '{' (put each key on a line of its own): 'rate: 30M; }'",
                syntaxError("""
                        syncer { rate: 30M; }
                        totem {
                        }
                        """));
    }

    @Test
    void textAroundClosingBrace() {
        assertEquals("test.conf:2:7: unexpected text after '}': 'x'", syntaxError("""
                totem {
                    } x
                """));
        assertEquals("test.conf:3:5: unexpected text before '}': 'foo'", syntaxError("""
                totem {
                    version: 2
                    foo }
                """));
    }

    @Test
    void missingNames() {
        assertEquals("test.conf:2:5: missing key name before ':'", syntaxError("""
                totem {
                    : 2
                }
                """));
        assertEquals("test.conf:1:1: missing section name before '{'", syntaxError("""
                {
                }
                """));
    }

    @Test
    void namesAreSingleWords() {
        assertEquals("test.conf:1:1: invalid section name 'resource r0': a section name is a single word",
                syntaxError("""
                        resource r0 {
                        }
                        """));
        assertEquals("test.conf:2:5: invalid key 'token timeout': a key is a single word", syntaxError("""
                totem {
                    token timeout: 3000
                }
                """));
    }

    @Test
    void quoteErrors() {
        assertEquals("test.conf:1:15: unterminated quoted value: missing closing '\"'",
                syntaxError("cluster_name: \"web\n"));
        assertEquals("test.conf:1:21: unexpected text after the closing quote: 'x'",
                syntaxError("cluster_name: \"web\" x\n"));
    }

    @Test
    void everySyntaxErrorIsReportedInFileOrder() {
        ClusterConfigException e = assertThrows(ClusterConfigException.class, () -> parse("""
                totem {
                    token 3000
                    join 60
                    interface {
                }
                }
                }
                """));
        assertEquals("""
                test.conf:2:10: missing ':' after key 'token'
                test.conf:3:9: missing ':' after key 'join'
                test.conf:7:1: unexpected '}': no section is open""", e.getMessage());
        assertEquals(3, e.errors().size());
        assertEquals(ConfigDiagnostic.Severity.ERROR, e.errors().get(0).severity());
        assertEquals(new SourcePosition("test.conf", 3, 9), e.errors().get(1).position());
    }

    @Test
    void emptyFileIsAnEmptyRoot() {
        ConfSection root = parse("");
        assertEquals(List.of(), root.entries());
        assertEquals("test.conf", root.position().toString());
    }
}
