package org.halyard.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code halyardd} is told on its command line. The config directory holds what an admin
 * writes ({@code cluster.conf}, {@code authkey}); the state directory what the daemon writes
 * (the CIB, its backups, the pid file, the log unless {@code cluster.conf} names another).
 *
 * @param node           this daemon's node name in the nodelist; empty to find it by local address
 * @param sshPort        where the embedded SSH server offers the API subsystem (0: any free port)
 * @param authorizedKeys whose keys may use it; SSH is off unless both are given
 */
public record DaemonOptions(Path configDir, Path stateDir, Optional<String> node, Optional<Integer> sshPort,
        Optional<Path> authorizedKeys) {

    public static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/halyard");
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/halyard");
    public static final String USAGE = "usage: halyardd [--config DIR] [--state DIR] [--node NAME]\n"
            + "                [--ssh-port PORT --authorized-keys FILE]\n"
            + "  --config DIR  cluster.conf and authkey (default /etc/halyard)\n"
            + "  --state DIR   CIB, backups, pid file and log (default /var/lib/halyard)\n"
            + "  --node NAME   which nodelist entry this daemon is (default: the one whose ring0_addr is local)\n"
            + "  --ssh-port PORT --authorized-keys FILE\n"
            + "                serve the API as SSH subsystem \"halyard\" on ring0_addr:PORT to these keys";

    /** Thrown for a command line that cannot be obeyed; the message is meant for the admin. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message + "\n" + USAGE);
        }
    }

    public static DaemonOptions parse(List<String> args) {
        Path config = DEFAULT_CONFIG_DIR;
        Path state = DEFAULT_STATE_DIR;
        Optional<String> node = Optional.empty();
        Optional<Integer> sshPort = Optional.empty();
        Optional<Path> authorizedKeys = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> config = Path.of(value(args, ++i, arg, "a directory"));
                case "--state" -> state = Path.of(value(args, ++i, arg, "a directory"));
                case "--node" -> node = Optional.of(value(args, ++i, arg, "a node name"));
                case "--ssh-port" -> sshPort = Optional.of(port(value(args, ++i, arg, "a port")));
                case "--authorized-keys" -> authorizedKeys = Optional.of(Path.of(value(args, ++i, arg, "a file")));
                default -> throw new UsageException("halyardd: unknown argument \"" + arg + "\"");
            }
        }
        if (sshPort.isPresent() != authorizedKeys.isPresent()) {
            throw new UsageException("halyardd: --ssh-port and --authorized-keys go together");
        }
        return new DaemonOptions(config.toAbsolutePath().normalize(), state.toAbsolutePath().normalize(), node,
                sshPort, authorizedKeys.map(p -> p.toAbsolutePath().normalize()));
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
