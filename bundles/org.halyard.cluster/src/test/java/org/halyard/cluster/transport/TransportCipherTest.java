package org.halyard.cluster.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

import org.halyard.cluster.auth.Authkey;
import org.junit.jupiter.api.Test;

class TransportCipherTest {

    private static final SecretKey KEY = Authkey.generate().deriveAesKey(Authkey.CLUSTER_TRANSPORT);
    private static final byte[] AAD = "cluster|node1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TEXT = "<cib epoch=\"7\"/>".getBytes(StandardCharsets.UTF_8);

    private final TransportCipher sender = new TransportCipher(KEY, new SecureRandom());
    private final TransportCipher receiver = new TransportCipher(KEY, new SecureRandom());

    @Test
    void anotherNodeWithTheSameKeyOpensWhatWasSealed() throws Exception {
        byte[] packet = sender.seal(TEXT, 0, TEXT.length, AAD);
        assertEquals(TEXT.length + TransportCipher.OVERHEAD, packet.length);
        assertArrayEquals(TEXT, receiver.open(packet, 0, packet.length, AAD));
        assertArrayEquals(TEXT, receiver.open(packet, 0, packet.length, AAD), "second packet of a cached session");
    }

    @Test
    void opensAtAnOffset() throws Exception {
        byte[] packet = sender.seal(TEXT, 0, TEXT.length, AAD);
        byte[] framed = new byte[packet.length + 7];
        System.arraycopy(packet, 0, framed, 5, packet.length);
        assertArrayEquals(TEXT, receiver.open(framed, 5, packet.length, AAD));
    }

    @Test
    void aDifferentKeyDoesNotOpen() {
        TransportCipher stranger = new TransportCipher(Authkey.generate().deriveAesKey(Authkey.CLUSTER_TRANSPORT),
                new SecureRandom());
        byte[] packet = stranger.seal(TEXT, 0, TEXT.length, AAD);
        assertThrows(AEADBadTagException.class, () -> receiver.open(packet, 0, packet.length, AAD));
    }

    @Test
    void anotherSenderOrClusterInTheAssociatedDataDoesNotOpen() {
        byte[] packet = sender.seal(TEXT, 0, TEXT.length, AAD);
        byte[] otherAad = "cluster|node2".getBytes(StandardCharsets.UTF_8);
        assertThrows(AEADBadTagException.class, () -> receiver.open(packet, 0, packet.length, otherAad));
    }

    @Test
    void anyFlippedBitIsDetected() {
        byte[] packet = sender.seal(TEXT, 0, TEXT.length, AAD);
        for (int i = 0; i < packet.length; i++) {
            byte[] altered = packet.clone();
            altered[i] ^= 0x10;
            int at = i;
            assertThrows(AEADBadTagException.class, () -> receiver.open(altered, 0, altered.length, AAD),
                    "byte " + at + " altered");
        }
    }

    @Test
    void truncatedAndForeignPacketsAreRejectedAsUnauthenticated() {
        assertThrows(AEADBadTagException.class, () -> receiver.open(new byte[10], 0, 10, AAD));
        byte[] packet = sender.seal(TEXT, 0, TEXT.length, AAD);
        packet[0] = 9;
        assertThrows(AEADBadTagException.class, () -> receiver.open(packet, 0, packet.length, AAD));
    }

    @Test
    void noncesNeverRepeatWithinASessionAndSessionsDiffer() {
        byte[] first = sender.seal(TEXT, 0, TEXT.length, AAD);
        byte[] second = sender.seal(TEXT, 0, TEXT.length, AAD);
        byte[] other = receiver.seal(TEXT, 0, TEXT.length, AAD);
        int headerEnd = 1 + TransportCipher.SESSION_ID_SIZE + Long.BYTES;
        assertArrayEquals(Arrays.copyOfRange(first, 0, 1 + TransportCipher.SESSION_ID_SIZE),
                Arrays.copyOfRange(second, 0, 1 + TransportCipher.SESSION_ID_SIZE), "same session");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 0, headerEnd), Arrays.copyOfRange(second, 0, headerEnd)),
                "same plaintext, different nonce");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, headerEnd, first.length),
                Arrays.copyOfRange(second, headerEnd, second.length)), "different ciphertext");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 1, 1 + TransportCipher.SESSION_ID_SIZE),
                Arrays.copyOfRange(other, 1, 1 + TransportCipher.SESSION_ID_SIZE)), "each node has its own session");
    }
}
