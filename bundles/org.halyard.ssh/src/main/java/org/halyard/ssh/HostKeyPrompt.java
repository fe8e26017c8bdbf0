package org.halyard.ssh;

/**
 * Asks the person once whether to trust a host seen for the first time, showing its key's
 * fingerprint. The UI answers with a dialog, tests with a fixed answer; never "always yes".
 */
@FunctionalInterface
public interface HostKeyPrompt {
    boolean trustNewHost(String hostAndPort, String keyType, String fingerprint);
}
