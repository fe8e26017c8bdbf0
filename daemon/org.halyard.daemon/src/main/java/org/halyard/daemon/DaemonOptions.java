package org.halyard.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code halyardd} is told on its command line. The config directory holds what an admin
 * writes ({@code cluster.conf}, {@code authkey}); the state directory what the daemon writes
 * (the CIB, its backups, the pid file, the log unless {@code cluster.conf} names another).
 *
 * @param config         the config directory, or the corosync-style file itself (an existing
 *                       {@code /etc/corosync/corosync.conf}, say), its directory then holding the authkey
 * @param node           this daemon's node name in the nodelist; empty to find it by local address
 * @param sshPort        where the embedded SSH server offers the API subsystem (0: any free port)
 * @param authorizedKeys whose keys may use it; SSH is off without it, on port 2222 unless told otherwise
 * @param ocfRoot        where OCF resource agents live
 * @param fenceAgents    where fence agents ({@code fence_*}) live
 * @param runDir         the agents' runtime directory (HA_RSCTMP, HA_VARRUN) when several daemons
 *                       share one machine and must not see each other's state files; empty for
 *                       the agents' own default
 */
public record DaemonOptions(Path config, Path stateDir, Optional<String> node, Optional<Integer> sshPort,
        Optional<Path> authorizedKeys, Path ocfRoot, Path fenceAgents, Optional<Path> runDir) {

    public static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/halyard");
    public static final String CLUSTER_CONF = "cluster.conf";
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/halyard");
    public static final int DEFAULT_SSH_PORT = 2222;
    public static final Path DEFAULT_OCF_ROOT = Path.of("/usr/lib/ocf");
    public static final Path DEFAULT_FENCE_AGENTS = Path.of("/usr/sbin");
    public static final String USAGE = "usage: halyardd [--config DIR|FILE] [--state DIR] [--node NAME]\n"
            + "                [--authorized-keys FILE [--ssh-port PORT]]\n"
            + "                [--ocf-root DIR] [--fence-agents DIR] [--run-dir DIR]\n"
            + "  --config DIR  cluster.conf and authkey (default /etc/halyard)\n"
            + "  --config FILE the corosync-style configuration itself; the authkey next to it\n"
            + "  --state DIR   CIB, backups, pid file and log (default /var/lib/halyard)\n"
            + "  --node NAME   which nodelist entry this daemon is (default: the one whose ring0_addr is local)\n"
            + "  --authorized-keys FILE [--ssh-port PORT]\n"
            + "                serve the API as SSH subsystem \"halyard\" on ring0_addr:PORT (default 2222) to these keys\n"
            + "  --ocf-root DIR      OCF resource agents (default $OCF_ROOT, else /usr/lib/ocf)\n"
            + "  --fence-agents DIR  fence agents fence_* (default /usr/sbin)\n"
            + "  --run-dir DIR       the agents' runtime directory (HA_RSCTMP), for several daemons on one machine";

    /** Thrown for a command line that cannot be obeyed; the message is meant for the admin. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message + "\n" + USAGE);
        }
    }

    /** The corosync-style configuration: {@code --config} itself when it is a file, else its {@code cluster.conf}. */
    public Path clusterConf() {
        return Files.isRegularFile(config) ? config : config.resolve(CLUSTER_CONF);
    }

    /** Where the admin's files live: the config directory, or the directory of the named file. */
    public Path configDir() {
        return Files.isRegularFile(config) ? config.toAbsolutePath().getParent() : config;
    }

    public static DaemonOptions parse(List<String> args) {
        Path config = DEFAULT_CONFIG_DIR;
        Path state = DEFAULT_STATE_DIR;
        Optional<String> node = Optional.empty();
        Optional<Integer> sshPort = Optional.empty();
        Optional<Path> authorizedKeys = Optional.empty();
        String ocfEnv = System.getenv("OCF_ROOT");
        Path ocfRoot = ocfEnv == null || ocfEnv.isBlank() ? DEFAULT_OCF_ROOT : Path.of(ocfEnv);
        Path fenceAgents = DEFAULT_FENCE_AGENTS;
        Optional<Path> runDir = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> config = Path.of(value(args, ++i, arg, "a directory or a file"));
                case "--state" -> state = Path.of(value(args, ++i, arg, "a directory"));
                case "--node" -> node = Optional.of(value(args, ++i, arg, "a node name"));
                case "--ssh-port" -> sshPort = Optional.of(port(value(args, ++i, arg, "a port")));
                case "--authorized-keys" -> authorizedKeys = Optional.of(Path.of(value(args, ++i, arg, "a file")));
                case "--ocf-root" -> ocfRoot = Path.of(value(args, ++i, arg, "a directory"));
                case "--fence-agents" -> fenceAgents = Path.of(value(args, ++i, arg, "a directory"));
                case "--run-dir" -> runDir = Optional.of(Path.of(value(args, ++i, arg, "a directory")));
                default -> throw new UsageException("halyardd: unknown argument \"" + arg + "\"");
            }
        }
        if (sshPort.isPresent() && authorizedKeys.isEmpty()) {
            throw new UsageException("halyardd: --ssh-port needs --authorized-keys: the SSH server serves only those keys");
        }
        if (authorizedKeys.isPresent() && sshPort.isEmpty()) {
            sshPort = Optional.of(DEFAULT_SSH_PORT); // an authorized_keys file is what turns the SSH server on
        }
        return new DaemonOptions(config.toAbsolutePath().normalize(), state.toAbsolutePath().normalize(), node,
                sshPort, authorizedKeys.map(p -> p.toAbsolutePath().normalize()), ocfRoot.toAbsolutePath().normalize(),
                fenceAgents.toAbsolutePath().normalize(), runDir.map(p -> p.toAbsolutePath().normalize()));
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("halyardd: --ssh-port \"" + text + "\" is not a port (0..65535)");
        }
    }

    private static String value(List<String> args, int index, String option, String what) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException("halyardd: " + option + " needs " + what);
        }
        return args.get(index);
    }
}
