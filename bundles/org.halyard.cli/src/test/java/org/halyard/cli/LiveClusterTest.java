package org.halyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.halyard.api.ApiException;
import org.halyard.api.ApiServer;
import org.halyard.api.ErrorCode;
import org.halyard.api.Request;
import org.halyard.cib.CibVersion;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.nodes.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live commands against a stand-in daemon that keeps one CIB and checks base versions as halyardd does. */
class LiveClusterTest {

    private static final String SCHEMAS = Path.of(System.getProperty("halyard.shared.dir", "../../../shared"),
            "data/pacemaker-schema-2.1.5").toString();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicReference<Cib> cib = new AtomicReference<>();
    private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ApiServer daemon;
    private Path socket;

    @BeforeEach
    void startStandIn() {
        Cib initial = Cib.empty();
        Node node1 = new Node();
        node1.setId("1");
        node1.setUname("node1");
        initial.configuration().orElseThrow().nodes().orElseThrow().add(node1);
        cib.set(initial);
        socket = dir.resolve("halyard.sock");
        daemon = ApiServer.start(socket, this::handle);
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private Object handle(Request request) {
        return switch (request.op()) {
            case "cib-query" -> CibXml.toXml(cib.get());
            case "cib-replace" -> {
                CibVersion base = CibVersion.parse(request.arg("base").orElseThrow());
                if (!base.equals(cib.get().version())) {
                    throw new ApiException(ErrorCode.CONFLICT, "based on " + base + ", cluster at " + cib.get().version());
                }
                Cib next = CibXml.parse(request.data().orElseThrow(), "request");
                next.setVersion(base.nextEpoch());
                cib.set(next);
                yield "CIB " + base + " -> " + next.version();
            }
            case "node", "resource" -> {
                String args = request.op() + " " + request.arg("action").orElse("-") + " "
                        + request.arg("rsc").orElse(request.arg("node").orElse("-"))
                        + request.arg("node").filter(n -> request.arg("rsc").isPresent()).map(n -> " " + n).orElse("");
                requests.add(args);
                if (args.contains("node9")) {
                    throw new ApiException(ErrorCode.NOT_FOUND, "no node \"node9\" in the cluster (it has node1)");
                }
                yield "done: " + args;
            }
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, request.op());
        };
    }

    private int halyard(String... args) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--socket");
        all.add(socket.toString());
        return Halyard.run(all, ps, ps);
    }

    @Test
    void propertySetChangesBootstrapOptionsOnTopOfTheVersionRead() {
        assertEquals(Halyard.OK, halyard("property", "set", "stonith-enabled=false", "no-quorum-policy=stop"), out.toString());
        assertEquals("halyard property set: done (CIB 0.0.0 -> 0.1.0)\n", out.toString());
        String xml = CibXml.toXml(cib.get());
        assertTrue(xml.contains("<cluster_property_set id=\"cib-bootstrap-options\">"), xml);
        assertTrue(xml.contains("name=\"stonith-enabled\" value=\"false\""), xml);
        assertTrue(xml.contains("name=\"no-quorum-policy\" value=\"stop\""), xml);
    }

    @Test
    void nodeAndResourceCommandsAreTheDaemonsAndItsAnswerIsPrinted() {
        assertEquals(Halyard.OK, halyard("node", "standby", "node1"), out.toString());
        assertEquals(Halyard.OK, halyard("resource", "move", "web", "node1"), out.toString());
        assertEquals(Halyard.OK, halyard("resource", "stop", "web"), out.toString());
        assertEquals(Halyard.OK, halyard("failcount", "clear", "web", "node1"), out.toString());
        assertEquals(List.of("node standby node1", "resource move web node1", "resource stop web",
                "resource cleanup web node1"), requests);
        assertEquals("done: node standby node1\ndone: resource move web node1\ndone: resource stop web\n"
                + "done: resource cleanup web node1\n", out.toString());
        out.reset();
        assertEquals(Halyard.FAILED, halyard("node", "standby", "node9"));
        assertEquals("halyard node standby: no node \"node9\" in the cluster (it has node1)\n", out.toString());
    }

    @Test
    void resourceCommandsCheckTheirArgumentsBeforeCallingTheDaemon() {
        assertEquals(Halyard.USAGE, halyard("resource", "stop", "web", "node1"));
        assertTrue(out.toString().contains("halyard resource stop: takes no node (only move and cleanup do)"),
                out.toString());
        assertEquals(Halyard.USAGE, halyard("resource", "frobnicate", "web"));
        assertEquals(List.of(), requests);
    }

    @Test
    void configureLoadReplacesTheConfigurationKeepsTheNodesAndShowPrintsIt() throws Exception {
        Path crm = Files.writeString(dir.resolve("web.crm"), """
                primitive web ocf:heartbeat:Dummy
                property stonith-enabled=false
                """);
        assertEquals(Halyard.OK, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString()), out.toString());
        out.reset();
        assertEquals(Halyard.OK, halyard("configure", "show"), out.toString());
        assertTrue(out.toString().contains("node 1: node1"), "the cluster's node is kept: " + out);
        assertTrue(out.toString().contains("primitive web ocf:heartbeat:Dummy"), out.toString());
    }

    @Test
    void nodesOfALiveLoadAreCheckedAgainstTheClustersNodes() throws Exception {
        Path crm = Files.writeString(dir.resolve("loc.crm"), """
                primitive web ocf:heartbeat:Dummy
                location on-node1 web 100: node1
                location on-node9 web 50: node9
                property stonith-enabled=false
                """);
        assertEquals(Halyard.OK, halyard("configure", "load", "--schemas", SCHEMAS, crm.toString()), out.toString());
        assertTrue(out.toString().startsWith(crm + ": warning: location \"on-node9\" refers to unknown node \"node9\"\n"
                + "halyard configure load: done"), out.toString());
        assertFalse(out.toString().contains("node1\""), "node1 is the cluster's: " + out);
    }

    @Test
    void theDaemonsRefusalIsShownAsItIs() {
        cib.get().setVersion(new CibVersion(0, 5, 0));
        daemon.close();
        daemon = ApiServer.start(socket, request -> {
            throw new ApiException(ErrorCode.CONFLICT, "the change was based on CIB 0.5.0 but the cluster is at 0.6.0");
        });
        assertEquals(Halyard.FAILED, halyard("property", "set", "a=b"));
        assertEquals("halyard property set: the change was based on CIB 0.5.0 but the cluster is at 0.6.0\n", out.toString());
    }
}
