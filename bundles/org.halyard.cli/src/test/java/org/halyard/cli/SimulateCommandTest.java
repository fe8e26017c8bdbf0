package org.halyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    /** Two nodes, stonith off, rsc1 running on node1 (a successful start in its history). */
    static final String TWO_NODES = """
            <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.9" have-quorum="1">
              <configuration>
                <crm_config>
                  <cluster_property_set id="opts">
                    <nvpair id="opts-stonith" name="stonith-enabled" value="false"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="node1"/>
                  <node id="2" uname="node2"/>
                </nodes>
                <resources>
                  <primitive id="rsc1" class="ocf" provider="heartbeat" type="Dummy"/>
                </resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member">
                  <lrm id="1">
                    <lrm_resources>
                      <lrm_resource id="rsc1" class="ocf" provider="heartbeat" type="Dummy">
                        <lrm_rsc_op id="rsc1_last_0" operation_key="rsc1_start_0" operation="start"
                            transition-key="1:0:0:x" transition-magic="0:0;1:0:0:x" call-id="2" rc-code="0"
                            op-status="0" interval="0" on_node="node1"/>
                      </lrm_resource>
                    </lrm_resources>
                  </lrm>
                </node_state>
                <node_state id="2" uname="node2" in_ccm="true" crmd="online" join="member" expected="member"/>
              </status>
            </cib>
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int halyard(String... args) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Halyard.run(List.of(args), ps, ps);
    }

    @Test
    void steadyStateHasNothingToDo() throws Exception {
        Path cib = Files.writeString(dir.resolve("cib.xml"), TWO_NODES);
        assertEquals(Halyard.OK, halyard("simulate", cib.toString()), out.toString());
        assertEquals("Transition Summary:\n", out.toString());
    }

    @Test
    void nodeDownRestartsItsResourceElsewhere() throws Exception {
        Path cib = Files.writeString(dir.resolve("cib.xml"), TWO_NODES);
        assertEquals(Halyard.OK, halyard("simulate", cib.toString(), "--node-down", "node1", "--scores"), out.toString());
        // without fencing a lost node's history no longer counts: rsc1 is stopped, and starts on node2
        assertEquals("""
                Allocation scores:
                pcmk__primitive_assign: rsc1 allocation score on node1: 0
                pcmk__primitive_assign: rsc1 allocation score on node2: 0

                Transition Summary:
                  * Start      rsc1    ( node2 )
                """, out.toString());
        assertTrue(Files.readString(cib).contains("in_ccm=\"true\""), "the file itself is never changed");
    }

    @Test
    void unknownNodeAndBadFilesAreNamed() throws Exception {
        Path cib = Files.writeString(dir.resolve("cib.xml"), TWO_NODES);
        assertEquals(Halyard.FAILED, halyard("simulate", cib.toString(), "--node-down", "node9"));
        assertEquals(cib + ": --node-down node9: no node_state for \"node9\" in the status section\n", out.toString());
        out.reset();
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<cib>\n  <configuration>\n");
        assertEquals(Halyard.FAILED, halyard("simulate", broken.toString()));
        assertTrue(out.toString().startsWith(broken + ":3:1: "), out.toString());
        out.reset();
        assertEquals(Halyard.USAGE, halyard("simulate"));
        assertTrue(out.toString().startsWith("halyard simulate: give FILE.xml or --live (the running cluster), one "
                + "of them\n"), out.toString());
    }

    @Test
    void liveAsksTheDaemonForConfigurationAndStatus() {
        Path socket = dir.resolve("halyard.sock");
        List<String> scopes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (org.halyard.api.ApiServer daemon = org.halyard.api.ApiServer.start(socket, request -> {
            scopes.add(request.op() + " scope=" + request.arg("scope").orElse("-"));
            return TWO_NODES;
        })) {
            assertEquals(Halyard.OK, halyard("simulate", "--live", "--fail", "rsc1:node1", "--socket", socket.toString()),
                    out.toString());
        }
        assertEquals(List.of("cib-query scope=all"), scopes);
        assertTrue(out.toString().contains("* Recover    rsc1"), out.toString());
        out.reset();
        assertEquals(Halyard.FAILED, halyard("simulate", "--live", "--socket", dir.resolve("nobody.sock").toString()));
        assertTrue(out.toString().startsWith("halyard simulate --live: cannot reach halyardd at "), out.toString());
    }

    @Test
    void cibWithUnimplementedFeaturesGetsNoAnswerRatherThanAWrongOne() {
        Path suite = Path.of(System.getProperty("halyard.shared.dir", "../../../shared"), "data/pacemaker-scheduler-2.1.5");
        String file = suite.resolve("xml/bundle-nested-colocation.xml").toString();
        assertEquals(Halyard.FAILED, halyard("simulate", file));
        assertTrue(out.toString().startsWith(file + ": the scheduler does not implement yet what this CIB uses: bundle"),
                out.toString());
    }

    @Test
    void reproducesPacemakerOnARegressionCase() throws Exception {
        Path suite = Path.of(System.getProperty("halyard.shared.dir", "../../../shared"), "data/pacemaker-scheduler-2.1.5");
        assertEquals(Halyard.OK, halyard("simulate", suite.resolve("xml/rsc_dep1.xml").toString()), out.toString());
        String summary = Files.readString(suite.resolve("summary/rsc_dep1.summary"));
        String expected = summary.substring(summary.indexOf("Transition Summary:"), summary.indexOf("Executing Cluster Transition:"));
        assertEquals(expected.replaceAll("\\s+", ""), out.toString().replaceAll("\\s+", ""));
    }

    @Test
    void failedMonitorOfAStartedResourceRecoversItInPlace() throws Exception {
        Path cib = Files.writeString(dir.resolve("cib.xml"), TWO_NODES);
        assertEquals(Halyard.OK, halyard("simulate", cib.toString(), "--fail", "rsc1:node1"), out.toString());
        assertEquals("""
                Transition Summary:
                  * Recover    rsc1    ( node1 )
                """, out.toString());
        assertTrue(!Files.readString(cib).contains("rc-code=\"1\""), "the file itself is never changed");
    }

    @Test
    void failedGroupMemberRestartsTheMembersAfterIt() {
        Path suite = Path.of(System.getProperty("halyard.shared.dir", "../../../shared"), "data/pacemaker-scheduler-2.1.5");
        String file = suite.resolve("xml/group4.xml").toString();
        assertEquals(Halyard.OK, halyard("simulate", file, "--fail", "child_rsc2:node2"), out.toString());
        List<String> lines = out.toString().lines().map(l -> l.replaceAll("\\s+", " ").strip()).toList();
        assertEquals(List.of("Transition Summary:", "* Recover child_rsc2 ( node2 )",
                "* Restart child_rsc3 ( node2 ) due to required child_rsc2 start"), lines);
    }

    @Test
    void failuresOfUnknownResourcesOrNodesAreRefusedByName() throws Exception {
        Path cib = Files.writeString(dir.resolve("cib.xml"), TWO_NODES);
        assertEquals(Halyard.FAILED, halyard("simulate", cib.toString(), "--fail", "rsc1:node9"));
        assertEquals(cib + ": --fail rsc1:node9: unknown node \"node9\" (neither configured nor in the status section)\n",
                out.toString());
        out.reset();
        assertEquals(Halyard.FAILED, halyard("simulate", cib.toString(), "--fail", "rscX:node1"));
        assertEquals(cib + ": --fail rscX:node1: unknown resource \"rscX\" (no primitive with that id in the configuration)\n",
                out.toString());
        out.reset();
        assertEquals(Halyard.USAGE, halyard("simulate", cib.toString(), "--fail", "rsc1"));
        assertTrue(out.toString().startsWith("halyard simulate: --fail needs RSC:NODE\n"), out.toString());
        out.reset();
        assertEquals(Halyard.USAGE, halyard("simulate", cib.toString(), "--fail"));
        assertTrue(out.toString().startsWith("halyard simulate: --fail needs RSC:NODE\n"), out.toString());
    }
}
