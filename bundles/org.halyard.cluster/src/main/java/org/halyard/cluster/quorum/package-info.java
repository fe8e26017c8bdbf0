/**
 * Quorum with votequorum(5) semantics ({@link org.halyard.cluster.quorum.Votequorum}) and its
 * snapshot ({@link org.halyard.cluster.quorum.QuorumState}). Pure Java: no JGroups, no threads,
 * no clock; the membership layer feeds it views and timer expiries.
 */
package org.halyard.cluster.quorum;
