package org.halyard.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The framing of the protocol: a header line {@code HALYARD/1 <length>\n} followed by exactly
 * that many bytes of UTF-8 XML. The version travels with every frame, so a mismatch is named at
 * once instead of surfacing as a parse error.
 */
public final class Frames {

    public static final int VERSION = 1;
    /** Big enough for a 32-node x 5000-resource CIB with history; a guard against garbage. */
    public static final int MAX_FRAME = 256 << 20;
    private static final String MAGIC = "HALYARD/";
    private static final int MAX_HEADER = 32;

    private Frames() {
    }

    public static void write(OutputStream out, byte[] payload) throws IOException {
        out.write((MAGIC + VERSION + " " + payload.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
    }

    /**
     * Reads one frame's payload, or null at a clean end of stream (the peer closed between frames).
     *
     * @throws ApiException (PROTOCOL) for a header that is not ours, another version, or a bad length
     * @throws EOFException when the stream ends inside a frame
     */
    public static byte[] read(InputStream in) throws IOException {
        String header = readHeader(in);
        if (header == null) {
            return null;
        }
        if (!header.startsWith(MAGIC)) {
            throw new ApiException(ErrorCode.PROTOCOL, "not a Halyard frame: header \"" + printable(header) + "\"");
        }
        int space = header.indexOf(' ');
        String version = space < 0 ? header.substring(MAGIC.length()) : header.substring(MAGIC.length(), space);
        if (!version.equals(String.valueOf(VERSION))) {
            throw new ApiException(ErrorCode.PROTOCOL, "peer speaks protocol version " + printable(version)
                    + ", this side speaks " + VERSION);
        }
        int length;
        try {
            length = Integer.parseInt(header.substring(space + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new ApiException(ErrorCode.PROTOCOL, "bad frame length in header \"" + printable(header) + "\"");
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new ApiException(ErrorCode.PROTOCOL, "frame length " + length + " outside 0.." + MAX_FRAME);
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("connection closed inside a frame (" + payload.length + " of " + length + " bytes)");
        }
        return payload;
    }

    private static String readHeader(InputStream in) throws IOException {
        StringBuilder header = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (header.isEmpty()) {
                    return null;
                }
                throw new EOFException("connection closed inside a frame header");
            }
            if (b == '\n') {
                return header.toString();
            }
            if (header.length() >= MAX_HEADER) {
                throw new ApiException(ErrorCode.PROTOCOL, "not a Halyard frame: header \"" + printable(header + "...")
                        + "\"");
            }
            header.append((char) b);
        }
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
