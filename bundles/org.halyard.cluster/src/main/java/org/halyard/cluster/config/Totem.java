package org.halyard.cluster.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code totem { }} section as Halyard uses it, with corosync 3's defaults filled in.
 *
 * <p>Halyard does not speak the totem protocol; its membership layer is JGroups over TCP to the
 * nodelist members. The timeouts keep their corosync meaning, so a cluster tuned for corosync
 * detects failures as fast as before:
 * <table>
 * <caption>How totem keys map onto Halyard</caption>
 * <tr><th>corosync.conf</th><th>default</th><th>Halyard</th></tr>
 * <tr><td>{@code token}</td><td>3000 ms</td><td>base of {@link #effectiveToken()}</td></tr>
 * <tr><td>{@code token_coefficient}</td><td>650 ms</td><td>added per node beyond two, when the nodelist
 *     has 3 or more nodes: {@code effective token = token + (nodes - 2) * token_coefficient}</td></tr>
 * <tr><td>(effective token)</td><td></td><td>failure-detection timeout: a member silent this long is suspected
 *     (FD_ALL3 timeout)</td></tr>
 * <tr><td>{@code token_retransmits_before_loss_const}</td><td>4</td><td>{@link #tokenRetransmit()}
 *     {@code = effective token / (const + 0.2)}: the heartbeat interval</td></tr>
 * <tr><td>{@code consensus}</td><td>1.2 * effective token</td><td>how long a suspicion is verified and a new
 *     view agreed on before it is installed (VERIFY_SUSPECT2, view acknowledgement)</td></tr>
 * <tr><td>{@code join}</td><td>50 ms</td><td>how long to wait for join/merge answers</td></tr>
 * <tr><td>{@code cluster_name}</td><td>none</td><td>the group name members must share</td></tr>
 * <tr><td>{@code interface { mcastport }} (link 0)</td><td>5405</td><td>the port members listen on (TCP)</td></tr>
 * <tr><td>{@code keyfile}</td><td>/etc/halyard/authkey</td><td>the authkey file (256 bytes, mode 0600)</td></tr>
 * <tr><td>{@code crypto_cipher}, {@code crypto_hash}, {@code secauth}</td><td>aes256, sha256, on</td>
 *     <td>informational; traffic is always AES-256-GCM under a key derived from the authkey</td></tr>
 * <tr><td>{@code transport}</td><td>knet</td><td>informational; decides whether nodeids may be omitted</td></tr>
 * </table>
 * Consensus defaults are computed from the <em>effective</em> token, as corosync does
 * ({@code totemconfig.c} adds the coefficient before deriving consensus).
 *
 * @param version                         {@code version}; only 2 exists
 * @param clusterName                     {@code cluster_name}, if configured
 * @param transport                       {@code transport}
 * @param token                           {@code token} as configured (or 3000 ms)
 * @param tokenCoefficient                {@code token_coefficient}
 * @param effectiveToken                  the token timeout in force for the nodelist's size
 * @param tokenRetransmitsBeforeLossConst {@code token_retransmits_before_loss_const}
 * @param consensus                       {@code consensus}, or its default 1.2 * effective token
 * @param join                            {@code join}
 * @param cryptoCipher                    {@code crypto_cipher} (with {@code secauth} applied)
 * @param cryptoHash                      {@code crypto_hash} (with {@code secauth} applied)
 * @param keyfile                         {@code keyfile}
 * @param port                            {@code mcastport} of link 0
 */
public record Totem(
        int version,
        Optional<String> clusterName,
        Transport transport,
        Duration token,
        Duration tokenCoefficient,
        Duration effectiveToken,
        int tokenRetransmitsBeforeLossConst,
        Duration consensus,
        Duration join,
        CryptoCipher cryptoCipher,
        CryptoHash cryptoHash,
        Path keyfile,
        int port) {

    public static final Duration DEFAULT_TOKEN = Duration.ofMillis(3000);
    public static final Duration DEFAULT_TOKEN_COEFFICIENT = Duration.ofMillis(650);
    public static final int DEFAULT_TOKEN_RETRANSMITS_BEFORE_LOSS_CONST = 4;
    public static final Duration DEFAULT_JOIN = Duration.ofMillis(50);
    public static final int DEFAULT_PORT = 5405;
    public static final Path DEFAULT_KEYFILE = Path.of("/etc/halyard/authkey");

    public Totem {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenCoefficient, "tokenCoefficient");
        Objects.requireNonNull(effectiveToken, "effectiveToken");
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(join, "join");
        Objects.requireNonNull(cryptoCipher, "cryptoCipher");
        Objects.requireNonNull(cryptoHash, "cryptoHash");
        Objects.requireNonNull(keyfile, "keyfile");
        if (tokenRetransmitsBeforeLossConst < 1) {
            throw new IllegalArgumentException("token_retransmits_before_loss_const < 1");
        }
    }

    /**
     * corosync's real token timeout: {@code token + (nodes - 2) * token_coefficient} when the
     * nodelist has at least 3 nodes, else {@code token}.
     */
    public static Duration effectiveToken(Duration token, Duration tokenCoefficient, int nodeCount) {
        return nodeCount > 2 ? token.plus(tokenCoefficient.multipliedBy(nodeCount - 2L)) : token;
    }

    /** corosync's default consensus: 1.2 * effective token, truncated to whole milliseconds. */
    public static Duration defaultConsensus(Duration effectiveToken) {
        // integer arithmetic: 1.2 * t == 6t / 5, without floating-point rounding surprises
        return Duration.ofMillis(effectiveToken.toMillis() * 6 / 5);
    }

    /**
     * corosync's token retransmit interval, {@code effective token / (token_retransmits_before_loss_const + 0.2)}
     * truncated to whole milliseconds; Halyard's heartbeat interval.
     */
    public Duration tokenRetransmit() {
        return tokenRetransmit(effectiveToken, tokenRetransmitsBeforeLossConst);
    }

    static Duration tokenRetransmit(Duration effectiveToken, int retransmitsBeforeLoss) {
        // t / (n + 0.2) == 5t / (5n + 1)
        return Duration.ofMillis(effectiveToken.toMillis() * 5 / (5L * retransmitsBeforeLoss + 1));
    }
}
