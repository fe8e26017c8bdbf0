package org.halyard.cluster.auth;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), on {@link javax.crypto.Mac} alone: the JDK 21 has no public
 * HKDF API, and a third-party library for forty lines is not worth a dependency.
 */
public final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    /** HashLen of SHA-256. */
    public static final int HASH_LENGTH = 32;
    /** RFC 5869: L &lt;= 255 * HashLen. */
    public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

    private Hkdf() {
    }

    /**
     * HKDF-Extract: PRK = HMAC-Hash(salt, IKM).
     *
     * @param salt optional; null or empty means HashLen zero bytes, as the RFC says (HMAC pads
     *             keys with zeros, so both give the same PRK; the JDK only refuses empty keys)
     * @param ikm  the input keying material
     * @return the pseudorandom key, {@value #HASH_LENGTH} bytes
     */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        Mac mac = hmac(effectiveSalt);
        return mac.doFinal(ikm);
    }

    /**
     * HKDF-Expand: T(i) = HMAC-Hash(PRK, T(i-1) | info | i), OKM = first L bytes of T(1) | T(2) | ...
     *
     * @param prk    a pseudorandom key of at least HashLen bytes (usually from {@link #extract})
     * @param info   context and application specific information; null means empty
     * @param length L, 1..{@value #MAX_OUTPUT_LENGTH}
     */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 1 || length > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException("HKDF output length must be 1.." + MAX_OUTPUT_LENGTH + ": " + length);
        }
        if (prk.length < HASH_LENGTH) {
            throw new IllegalArgumentException("PRK must have at least " + HASH_LENGTH + " bytes: " + prk.length);
        }
        Mac mac = hmac(prk);
        byte[] okm = new byte[length];
        byte[] previous = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            mac.update(previous);
            mac.update(info == null ? new byte[0] : info);
            mac.update((byte) counter);
            byte[] block = mac.doFinal();
            int n = Math.min(block.length, length - written);
            System.arraycopy(block, 0, okm, written, n);
            written += n;
            Arrays.fill(previous, (byte) 0);
            previous = block;
        }
        Arrays.fill(previous, (byte) 0);
        return okm;
    }

    /** Extract then expand. */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every JDK must provide HmacSHA256 and accept any non-empty key for it
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
