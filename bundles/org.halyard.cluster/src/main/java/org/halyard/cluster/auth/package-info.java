/**
 * The cluster's shared secret: the authkey file (256 random bytes, mode 0600, the same on every
 * node) and the per-purpose keys derived from it with HKDF-SHA256, such as the AES-256-GCM key
 * of the cluster transport.
 */
package org.halyard.cluster.auth;
