package org.halyard.cluster.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** RFC 5869 appendix A, the SHA-256 test cases 1 to 3. */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static byte[] range(int from, int toExclusive) {
        byte[] bytes = new byte[toExclusive - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    private static final byte[] IKM_0B = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

    @Test
    void rfc5869TestCase1() {
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = Hkdf.extract(salt, IKM_0B);
        assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", HEX.formatHex(prk));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(Hkdf.expand(prk, info, 42)));
        assertArrayEquals(Hkdf.expand(prk, info, 42), Hkdf.derive(salt, IKM_0B, info, 42));
    }

    @Test
    void rfc5869TestCase2LongInputsAndSeveralBlocks() {
        byte[] prk = Hkdf.extract(range(0x60, 0xb0), range(0x00, 0x50));
        assertEquals("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244", HEX.formatHex(prk));
        assertEquals("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87",
                HEX.formatHex(Hkdf.expand(prk, range(0xb0, 0x100), 82)));
    }

    @Test
    void rfc5869TestCase3EmptySaltAndInfo() {
        byte[] prk = Hkdf.extract(new byte[0], IKM_0B);
        assertEquals("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04", HEX.formatHex(prk));
        assertArrayEquals(prk, Hkdf.extract(null, IKM_0B), "no salt means HashLen zeros");
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(Hkdf.expand(prk, new byte[0], 42)));
        assertArrayEquals(Hkdf.expand(prk, new byte[0], 42), Hkdf.expand(prk, null, 42));
    }

    @Test
    void outputLengthIsBoundedByTheRfc() {
        byte[] prk = Hkdf.extract(null, IKM_0B);
        assertEquals(255 * 32, Hkdf.expand(prk, null, 255 * 32).length);
        assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(prk, null, 255 * 32 + 1));
        assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(prk, null, 0));
        assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(new byte[16], null, 32));
    }

    @Test
    void shorterOutputIsAPrefixOfLongerOutput() {
        byte[] prk = Hkdf.extract(null, IKM_0B);
        byte[] longer = Hkdf.expand(prk, null, 100);
        byte[] shorter = Hkdf.expand(prk, null, 33);
        assertArrayEquals(java.util.Arrays.copyOf(longer, 33), shorter);
    }
}
