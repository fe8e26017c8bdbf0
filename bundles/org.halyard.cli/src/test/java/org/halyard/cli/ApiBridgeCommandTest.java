package org.halyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.halyard.api.ApiCodec;
import org.halyard.api.ApiServer;
import org.halyard.api.Frames;
import org.halyard.api.Reply;
import org.halyard.api.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiBridgeCommandTest {

    @TempDir
    Path dir;

    @Test
    void framesGoThroughToTheDaemonAndRepliesComeBack() throws Exception {
        Path socket = dir.resolve("halyard.sock");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        Frames.write(request, ApiCodec.encode(new Request("1", "echo").with("text", "hello")));
        Frames.write(request, ApiCodec.encode(new Request("2", "echo").with("text", "again")));
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ApiServer server = ApiServer.start(socket, r -> "echo: " + r.arg("text").orElseThrow())) {
            int exit = ApiBridgeCommand.run(List.of("--socket", socket.toString()),
                    new ByteArrayInputStream(request.toByteArray()), replies, new PrintStream(err));
            assertEquals(Halyard.OK, exit, err.toString());
        }
        ByteArrayInputStream in = new ByteArrayInputStream(replies.toByteArray());
        assertEquals("echo: hello", ApiCodec.decode(Frames.read(in), Reply.class).text());
        assertEquals("echo: again", ApiCodec.decode(Frames.read(in), Reply.class).text());
        assertNull(Frames.read(in), "the bridge ends when the client's input ends");
    }

    @Test
    void noDaemonIsSaidOnStderrNotMixedIntoTheProtocol() {
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ApiBridgeCommand.run(List.of("--socket", dir.resolve("none.sock").toString()),
                new ByteArrayInputStream(new byte[0]), replies, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Halyard.FAILED, exit);
        assertEquals(0, replies.size());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("halyard api: cannot reach halyardd at "), err.toString());
    }
}
