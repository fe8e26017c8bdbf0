package org.halyard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerTest {

    @TempDir
    Path dir;

    private static Object handle(Request request) {
        return switch (request.op()) {
            case "status" -> {
                StatusReport report = new StatusReport();
                report.cluster = "test";
                report.quorate = true;
                report.nodes.add(new StatusReport.NodeStatus("node1", 1, "online"));
                StatusReport.ResourceStatus group = new StatusReport.ResourceStatus("web", "group", null, null, null);
                group.members.add(new StatusReport.ResourceStatus("ip", "primitive", "ocf:heartbeat:IPaddr2",
                        "Started", "node1"));
                report.resources.add(group);
                yield report;
            }
            case "watch" -> (EventStream) emit -> {
                for (int i = 1; i <= 3; i++) {
                    emit.accept(new ClusterEvent(i, "inc-1", i, "membership", "event " + i, new StatusReport()));
                }
            };
            case "fail" -> throw new ApiException(ErrorCode.NOT_FOUND, "resource \"" + request.arg("rsc").orElse("?")
                    + "\" does not exist");
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "unknown operation \"" + request.op() + "\"");
        };
    }

    @Test
    void statusTravelsTypedAndErrorsKeepTheirCode() {
        Path socket = dir.resolve("halyard.sock");
        try (ApiServer server = ApiServer.start(socket, ApiServerTest::handle);
                ApiClient client = ApiClient.connect(socket)) {
            StatusReport report = client.call(client.request("status")).payload(StatusReport.class);
            assertEquals("test", report.cluster);
            assertTrue(report.quorate);
            assertEquals("online", report.nodes.get(0).state);
            assertEquals("ocf:heartbeat:IPaddr2", report.resources.get(0).members.get(0).agent);

            Reply failed = client.call(client.request("fail").with("rsc", "db"));
            assertEquals(ErrorCode.NOT_FOUND, failed.code());
            assertEquals("resource \"db\" does not exist", failed.message().orElseThrow());
            ApiException e = assertThrows(ApiException.class, () -> failed.payload(StatusReport.class));
            assertEquals(ErrorCode.NOT_FOUND, e.code());

            assertEquals(ErrorCode.BAD_REQUEST, client.call(client.request("frobnicate")).code());
        }
        assertFalse(Files.exists(socket), "the socket file goes with the server");
    }

    @Test
    void aWatchStreamsEventsUntilTheDaemonEndsIt() {
        Path socket = dir.resolve("halyard.sock");
        java.util.List<String> seen = new java.util.ArrayList<>();
        try (ApiServer server = ApiServer.start(socket, ApiServerTest::handle);
                ApiClient client = ApiClient.connect(socket)) {
            ApiException end = assertThrows(ApiException.class,
                    () -> client.watch(client.request("watch"), e -> seen.add(e.toString())));
            assertEquals(ErrorCode.UNAVAILABLE, end.code());
            assertTrue(end.getMessage().contains("closed by the daemon"), end.getMessage());
        }
        assertEquals(java.util.List.of("#1 membership: event 1", "#2 membership: event 2", "#3 membership: event 3"),
                seen);
    }

    @Test
    void socketIsPrivateAndAStaleOneIsReplacedButALiveOneIsNot() throws Exception {
        Path socket = dir.resolve("halyard.sock");
        Files.writeString(socket, "left by a crashed daemon");
        try (ApiServer server = ApiServer.start(socket, ApiServerTest::handle)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            ApiException e = assertThrows(ApiException.class, () -> ApiServer.start(socket, ApiServerTest::handle));
            assertEquals("another daemon already serves " + socket, e.getMessage());
        }
    }

    @Test
    void garbageGetsAProtocolErrorAndTheConnectionEnds() throws Exception {
        Path socket = dir.resolve("halyard.sock");
        try (ApiServer server = ApiServer.start(socket, ApiServerTest::handle);
                SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            OutputStream out = Channels.newOutputStream(raw);
            InputStream in = Channels.newInputStream(raw);
            out.write("GET / HTTP/1.1\n".getBytes(StandardCharsets.US_ASCII));
            Reply reply = ApiCodec.decode(Frames.read(in), Reply.class);
            assertEquals(ErrorCode.PROTOCOL, reply.code());
            assertEquals("not a Halyard frame: header \"GET / HTTP/1.1\"", reply.message().orElseThrow());
            assertEquals(null, Frames.read(in), "the server hangs up after a broken frame");
        }
    }

    @Test
    void nobodyListeningSaysWhatToCheck() {
        Path socket = dir.resolve("none.sock");
        ApiException e = assertThrows(ApiException.class, () -> ApiClient.connect(socket));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().startsWith("cannot reach halyardd at " + socket), e.getMessage());
        assertTrue(e.getMessage().endsWith("is the daemon running on this node, and is this the right --socket?"));
    }
}
