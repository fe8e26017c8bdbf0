package org.halyard.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.halyard.cluster.auth.Authkey;
import org.halyard.cluster.auth.AuthkeyException;

/** {@code halyard keygen}: the cluster's shared secret, as corosync-keygen makes it. */
final class KeygenCommand {

    static final Path DEFAULT_FILE = Path.of("/etc/halyard/authkey");

    private KeygenCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Path file = DEFAULT_FILE;
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--file" -> {
                    if (++i >= args.size()) {
                        throw new Halyard.UsageException("halyard keygen: --file needs a path");
                    }
                    file = Path.of(args.get(i));
                }
                case "--force" -> force = true;
                default -> throw new Halyard.UsageException("halyard keygen: unknown argument \"" + args.get(i) + "\"");
            }
        }
        if (Files.exists(file) && !force) {
            // a new key on one node splits it from the cluster: never replace one by accident
            out.println(file + " exists already; keep it, or replace it on every node with --force");
            return Halyard.FAILED;
        }
        try {
            Authkey.generate().write(file);
        } catch (AuthkeyException e) {
            out.println(e.getMessage());
            return Halyard.FAILED;
        }
        out.println("wrote " + Authkey.SIZE + " random bytes to " + file + " (mode 0600); copy it to every node");
        return Halyard.OK;
    }
}
