/**
 * Cluster membership of a node daemon: {@link org.halyard.cluster.membership.ClusterMembership}
 * runs the JGroups stack built from corosync.conf (timeouts in
 * {@link org.halyard.cluster.membership.MembershipTimeouts}), reports views with who joined,
 * left or was lost, their quorum and the DC, and carries total-order broadcasts for the CIB.
 */
package org.halyard.cluster.membership;
