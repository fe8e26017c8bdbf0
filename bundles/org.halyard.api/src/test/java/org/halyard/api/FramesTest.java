package org.halyard.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FramesTest {

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void framesRoundTripBackToBackAndEndCleanly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, "<a/>".getBytes(StandardCharsets.UTF_8));
        Frames.write(out, "äöü".getBytes(StandardCharsets.UTF_8));
        assertEquals("HALYARD/1 4\n<a/>HALYARD/1 6\näöü", out.toString(StandardCharsets.UTF_8));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertArrayEquals("<a/>".getBytes(StandardCharsets.UTF_8), Frames.read(in));
        assertArrayEquals("äöü".getBytes(StandardCharsets.UTF_8), Frames.read(in));
        assertNull(Frames.read(in), "clean end between frames");
    }

    @Test
    void brokenFramesAreNamed() {
        assertEquals("not a Halyard frame: header \"GET / HTTP/1.1\"",
                assertThrows(ApiException.class, () -> Frames.read(stream("GET / HTTP/1.1\n"))).getMessage());
        assertEquals("peer speaks protocol version 2, this side speaks 1",
                assertThrows(ApiException.class, () -> Frames.read(stream("HALYARD/2 3\nabc"))).getMessage());
        assertEquals("bad frame length in header \"HALYARD/1 x\"",
                assertThrows(ApiException.class, () -> Frames.read(stream("HALYARD/1 x\n"))).getMessage());
        assertEquals("frame length 999999999 outside 0.." + Frames.MAX_FRAME,
                assertThrows(ApiException.class, () -> Frames.read(stream("HALYARD/1 999999999\n"))).getMessage());
        assertEquals(ErrorCode.PROTOCOL,
                assertThrows(ApiException.class, () -> Frames.read(stream("x".repeat(100)))).code());
        assertEquals("connection closed inside a frame (2 of 5 bytes)",
                assertThrows(EOFException.class, () -> Frames.read(stream("HALYARD/1 5\nab"))).getMessage());
    }
}
