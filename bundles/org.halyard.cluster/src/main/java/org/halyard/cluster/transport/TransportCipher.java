package org.halyard.cluster.transport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of cluster packets, without JGroups.
 *
 * <p><b>Nonces.</b> The transport key is derived from the authkey and lives as long as the
 * authkey (years, every node, every restart), so random 96-bit nonces would be bounded by
 * NIST SP 800-38D's 2^32 messages per key, which a busy cluster reaches in weeks; a plain
 * counter would repeat after a restart, which breaks GCM completely. Instead each sender, at
 * start, draws a random 128-bit session id and seals under a <em>session key</em>
 * {@code HKDF-Expand(transport key, "halyard session v1" || session id)}, with a 64-bit message
 * counter as nonce. A nonce then never repeats under one key, and two sessions share a key only
 * if two random 128-bit ids collide.
 *
 * <p><b>Packet:</b> {@code version (1) | session id (16) | counter (8) | ciphertext | tag (16)}.
 * The caller's associated data (cluster name, sender address) is authenticated, not sent.
 */
public final class TransportCipher {

    static final byte VERSION = 1;
    static final int SESSION_ID_SIZE = 16;
    static final int TAG_BITS = 128;
    /** Bytes a sealed packet adds to its plaintext. */
    public static final int OVERHEAD = 1 + SESSION_ID_SIZE + Long.BYTES + TAG_BITS / 8;
    private static final String GCM = "AES/GCM/NoPadding";
    private static final byte[] SESSION_INFO = "halyard session v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Receiver-side cache of peers' session keys: a few per member (restarts), bounded against junk. */
    private static final int MAX_CACHED_SESSIONS = 64;

    private final SecretKey transportKey;
    private final byte[] sessionId;
    private final SecretKey sessionKey;
    private final AtomicLong counter = new AtomicLong();
    private final Map<ByteBuffer, SecretKey> peerSessions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, SecretKey> eldest) {
            return size() > MAX_CACHED_SESSIONS;
        }
    };

    /** @param transportKey the AES key from {@code Authkey.deriveAesKey(Authkey.CLUSTER_TRANSPORT)} */
    public TransportCipher(SecretKey transportKey, SecureRandom random) {
        this.transportKey = transportKey;
        this.sessionId = new byte[SESSION_ID_SIZE];
        random.nextBytes(sessionId);
        this.sessionKey = sessionKey(transportKey, sessionId);
    }

    /** Seals {@code plaintext[offset, offset+length)} with {@code aad} authenticated alongside. */
    public byte[] seal(byte[] plaintext, int offset, int length, byte[] aad) {
        long n = counter.getAndIncrement();
        byte[] out = new byte[OVERHEAD + length];
        out[0] = VERSION;
        System.arraycopy(sessionId, 0, out, 1, SESSION_ID_SIZE);
        ByteBuffer.wrap(out, 1 + SESSION_ID_SIZE, Long.BYTES).putLong(n);
        try {
            Cipher cipher = Cipher.getInstance(GCM);
            cipher.init(Cipher.ENCRYPT_MODE, sessionKey, new GCMParameterSpec(TAG_BITS, nonce(n)));
            cipher.updateAAD(aad);
            cipher.doFinal(plaintext, offset, length, out, 1 + SESSION_ID_SIZE + Long.BYTES);
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every JDK; failing here means a broken runtime
            throw new IllegalStateException("AES-GCM encryption failed: " + e, e);
        }
        return out;
    }

    /**
     * Opens a sealed packet.
     *
     * @throws AEADBadTagException when the packet was not sealed under this cluster's key with
     *                             this {@code aad}, or was altered
     */
    public byte[] open(byte[] packet, int offset, int length, byte[] aad) throws AEADBadTagException {
        if (length < OVERHEAD || packet[offset] != VERSION) {
            throw new AEADBadTagException("not a Halyard v" + VERSION + " packet (" + length + " bytes)");
        }
        ByteBuffer session = ByteBuffer.wrap(Arrays.copyOfRange(packet, offset + 1, offset + 1 + SESSION_ID_SIZE));
        long n = ByteBuffer.wrap(packet, offset + 1 + SESSION_ID_SIZE, Long.BYTES).getLong();
        SecretKey key;
        synchronized (peerSessions) {
            key = peerSessions.get(session);
        }
        boolean known = key != null;
        if (!known) {
            key = sessionKey(transportKey, session.array());
        }
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance(GCM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce(n)));
            cipher.updateAAD(aad);
            int header = 1 + SESSION_ID_SIZE + Long.BYTES;
            plaintext = cipher.doFinal(packet, offset + header, length - header);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed: " + e, e);
        }
        if (!known) {
            // cache only sessions that proved the key, so junk cannot evict real peers
            synchronized (peerSessions) {
                peerSessions.put(session, key);
            }
        }
        return plaintext;
    }

    private static byte[] nonce(long counter) {
        return ByteBuffer.allocate(12).putInt(0).putLong(counter).array();
    }

    /** HKDF-Expand (RFC 5869) for one 32-byte block: HMAC(PRK, info || 0x01); the transport key is already uniform. */
    static SecretKey sessionKey(SecretKey transportKey, byte[] sessionId) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(transportKey.getEncoded(), "HmacSHA256"));
            hmac.update(SESSION_INFO);
            hmac.update(sessionId);
            hmac.update((byte) 1);
            return new SecretKeySpec(hmac.doFinal(), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e, e);
        }
    }
}
