package org.halyard.cluster.config;

/**
 * {@code totem.crypto_hash}, as configured. Informational: AES-GCM authenticates every message
 * itself, so Halyard computes no separate HMAC; {@link #NONE} is reported as a warning because
 * unauthenticated traffic is not possible in Halyard.
 */
public enum CryptoHash {
    NONE, MD5, SHA1, SHA256, SHA384, SHA512
}
