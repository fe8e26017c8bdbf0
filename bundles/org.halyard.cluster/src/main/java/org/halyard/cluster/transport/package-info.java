/**
 * What protects cluster traffic: {@link org.halyard.cluster.transport.AeadEncryption}, a JGroups
 * protocol sealing every message with AES-256-GCM under a key derived from the authkey
 * ({@link org.halyard.cluster.transport.TransportCipher}), and the rate limit of its drop warnings
 * ({@link org.halyard.cluster.transport.DropLog}).
 */
package org.halyard.cluster.transport;
