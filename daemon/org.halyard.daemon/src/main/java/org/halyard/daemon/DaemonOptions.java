package org.halyard.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code halyardd} is told on its command line. The config directory holds what an admin
 * writes ({@code cluster.conf}, {@code authkey}); the state directory what the daemon writes
 * (the CIB, its backups, the pid file, the log unless {@code cluster.conf} names another).
 *
 * @param node this daemon's node name in the nodelist; empty to find it by local address
 */
public record DaemonOptions(Path configDir, Path stateDir, Optional<String> node) {

    public static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/halyard");
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/halyard");
    public static final String USAGE = "usage: halyardd [--config DIR] [--state DIR] [--node NAME]\n"
            + "  --config DIR  cluster.conf and authkey (default /etc/halyard)\n"
            + "  --state DIR   CIB, backups, pid file and log (default /var/lib/halyard)\n"
            + "  --node NAME   which nodelist entry this daemon is (default: the one whose ring0_addr is local)";

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
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> config = Path.of(value(args, ++i, arg, "a directory"));
                case "--state" -> state = Path.of(value(args, ++i, arg, "a directory"));
                case "--node" -> node = Optional.of(value(args, ++i, arg, "a node name"));
                default -> throw new UsageException("halyardd: unknown argument \"" + arg + "\"");
            }
        }
        return new DaemonOptions(config.toAbsolutePath().normalize(), state.toAbsolutePath().normalize(), node);
    }

    private static String value(List<String> args, int index, String option, String what) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException("halyardd: " + option + " needs " + what);
        }
        return args.get(index);
    }
}
