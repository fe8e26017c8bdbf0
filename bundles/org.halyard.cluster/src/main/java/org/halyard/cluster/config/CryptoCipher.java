package org.halyard.cluster.config;

/**
 * {@code totem.crypto_cipher}, as configured. Informational: Halyard always encrypts cluster
 * traffic with AES-256-GCM under a key derived from the authkey, whatever is configured here;
 * a weaker setting is reported as a warning.
 */
public enum CryptoCipher {
    NONE, AES256, AES192, AES128
}
