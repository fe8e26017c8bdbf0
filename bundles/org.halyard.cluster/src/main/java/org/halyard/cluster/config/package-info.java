/**
 * The cluster configuration, read from corosync.conf so that the files admins already have keep
 * working.
 *
 * <p>Entry point: {@link org.halyard.cluster.config.ClusterConfigReader#read(java.nio.file.Path)}
 * returns an immutable {@link org.halyard.cluster.config.ClusterConfig} with its warnings, or
 * throws a {@link org.halyard.cluster.config.ClusterConfigException} whose message lists every
 * error as {@code file:line:col: what is wrong}. The raw syntax tree is available from
 * {@link org.halyard.cluster.config.CorosyncConfParser} for tools that edit the file.
 *
 * <h2>Mapping from corosync.conf</h2>
 * <table>
 * <caption>corosync.conf sections and what Halyard does with them</caption>
 * <tr><th>section</th><th>Halyard</th></tr>
 * <tr><td>{@code totem}</td><td>{@link org.halyard.cluster.config.Totem}: token, token_coefficient,
 *     token_retransmits_before_loss_const, consensus, join drive failure detection and view changes with
 *     corosync 3's defaults (3000 / 650 / 4 / 1.2 * effective token / 50 ms); cluster_name; the port is
 *     link 0's mcastport; keyfile names the authkey. Multicast settings, kronosnet and totem tuning keys
 *     are reported as ignored. Redundant rings (rrp_mode active/passive, interfaces with ringnumber or
 *     linknumber 1+, ring1_addr) are refused: see the policy at {@code TotemReader.REDUNDANT_RINGS}.</td></tr>
 * <tr><td>{@code nodelist}</td><td>{@link org.halyard.cluster.config.NodeEntry}: required. Name is
 *     {@code name} or else {@code ring0_addr}; nodeid is required with knet and derived from an IPv4
 *     ring0_addr with udp/udpu; nodeids, names and addresses must be distinct.</td></tr>
 * <tr><td>{@code quorum}</td><td>{@link org.halyard.cluster.config.QuorumConfig}: votequorum semantics
 *     always (provider corosync_votequorum), with expected_votes, two_node, wait_for_all,
 *     last_man_standing, auto_tie_breaker. Quorum devices, allow_downscale and expected_votes_tracking
 *     are refused. Settings that would let two partitions both be quorate are refused.</td></tr>
 * <tr><td>{@code logging}</td><td>{@link org.halyard.cluster.config.LoggingConfig}: destinations,
 *     logfile, syslog_facility, debug, timestamp, logger_subsys debug levels.</td></tr>
 * <tr><td>{@code system}, {@code resources}, {@code uidgid}</td><td>ignored, with a warning.</td></tr>
 * <tr><td>{@code nozzle}</td><td>refused.</td></tr>
 * <tr><td>{@code amf}, {@code service}, {@code aisexec}, {@code compatibility:} (corosync 1.x)</td>
 *     <td>reported as unsupported; refused only when they ask for something Halyard cannot give
 *     (an enabled AMF, a plug-in other than pacemaker).</td></tr>
 * <tr><td>anything else</td><td>unknown sections are errors, unknown keys warnings.</td></tr>
 * </table>
 */
package org.halyard.cluster.config;
