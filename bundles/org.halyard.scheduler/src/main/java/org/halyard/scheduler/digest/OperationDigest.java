package org.halyard.scheduler.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pacemaker's operation digest: the MD5 of a {@code <parameters .../>} element with its
 * attributes sorted by name, written as the controller writes it (a leading space, no
 * indentation, a trailing newline), so digests recorded by a real cluster compare equal.
 */
public final class OperationDigest {

    private OperationDigest() {
    }

    /** The hex MD5 digest of these parameters (names are sorted byte-wise, as strcmp does). */
    public static String of(Map<String, String> parameters) {
        return md5(canonical(parameters));
    }

    /** The exact text that is hashed. */
    static String canonical(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder(" <parameters");
        for (Map.Entry<String, String> entry : new TreeMap<>(parameters).entrySet()) {
            text.append(' ').append(entry.getKey()).append("=\"")
                    .append(escape(entry.getValue())).append('"');
        }
        return text.append("/>\n").toString();
    }

    /** Escapes an attribute value the way the controller did when it recorded the digest. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7f) {
                // Pacemaker stops escaping at the first multi-byte character
                out.append(value, i, value.length());
                break;
            }
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '&' -> out.append("&amp;");
                case '\t' -> out.append("    ");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String md5(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }
}
