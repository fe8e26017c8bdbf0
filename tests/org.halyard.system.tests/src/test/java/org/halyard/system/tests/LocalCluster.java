package org.halyard.system.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several halyardd processes on loopback (node N on 127.0.0.N), sharing one authkey made by the
 * product's {@code halyard keygen}, observed from outside through {@code halyard status --xml}.
 */
final class LocalCluster implements AutoCloseable {

    final Path dir;
    final int nodes;
    final int port;
    final List<DaemonProcess> daemons = new ArrayList<>();

    LocalCluster(Path dir, int nodes, int port) {
        this.dir = dir;
        this.nodes = nodes;
        this.port = port;
    }

    String clusterConf() {
        StringBuilder conf = new StringBuilder("totem {\n    version: 2\n    cluster_name: systest\n"
                + "    interface {\n        linknumber: 0\n        mcastport: " + port + "\n    }\n}\nnodelist {\n");
        for (int n = 1; n <= nodes; n++) {
            conf.append("    node {\n        ring0_addr: 127.0.0.").append(n).append("\n        name: node").append(n)
                    .append("\n        nodeid: ").append(n).append("\n    }\n");
        }
        return conf.append("}\nquorum {\n    provider: corosync_votequorum\n}\n").toString();
    }

    /** Config directories for every node, with one shared key (or, for {@code node}, a key of its own). */
    Path config(int node, boolean ownKey) throws Exception {
        Path config = Files.createDirectories(dir.resolve("node" + node + (ownKey ? "-otherkey" : "")).resolve("config"));
        Files.writeString(config.resolve("cluster.conf"), clusterConf());
        Path shared = dir.resolve("authkey");
        if (!Files.exists(shared)) {
            keygen(shared);
        }
        if (ownKey) {
            keygen(config.resolve("authkey"));
        } else if (!Files.exists(config.resolve("authkey"))) { // a restarted node keeps its key
            Files.copy(shared, config.resolve("authkey"));
            Files.setPosixFilePermissions(config.resolve("authkey"), PosixFilePermissions.fromString("rw-------"));
        }
        return config;
    }

    DaemonProcess start(int node, boolean ownKey, String... extraArgs) throws Exception {
        Path config = config(node, ownKey);
        List<String> args = new ArrayList<>(List.of("--node", "node" + node,
                // daemons sharing a machine must not see each other's agent state files
                "--run-dir", config.resolveSibling("run").toString()));
        args.addAll(List.of(extraArgs));
        DaemonProcess daemon = DaemonProcess.start(config, config.resolveSibling("state"), args.toArray(String[]::new));
        daemons.add(daemon);
        return daemon;
    }

    /** The agents' runtime directory (HA_RSCTMP) of a node, where Dummy keeps its state file. */
    Path runDir(int node) {
        return dir.resolve("node" + node).resolve("run");
    }

    /** Runs {@code halyard ARGS --socket ...} against one daemon; its output, or an AssertionError if it failed. */
    static String halyard(DaemonProcess daemon, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DaemonProcess.HOME.resolve("halyard").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--socket", daemon.stateDir.resolve("halyard.sock").toString()));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(cli.getInputStream().readAllBytes());
        if (cli.waitFor() != 0) {
            throw new AssertionError("halyard " + String.join(" ", args) + " failed:\n" + printed);
        }
        return printed;
    }

    /** Where a resource is, from status XML: "Started@node1", one entry per node (clone instances). */
    static List<String> placements(String statusXml, String id) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<resource id=\"" + Pattern.quote(id) + "\" kind=\"primitive\"[^>]*?role=\"(\\w+)\""
                + "(?: node=\"([^\"]+)\")?").matcher(statusXml);
        while (m.find()) {
            found.add(m.group(1) + (m.group(2) == null ? "" : "@" + m.group(2)));
        }
        return found;
    }

    private static void keygen(Path file) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder(DaemonProcess.HOME.resolve("halyard").toString(), "keygen", "--file",
                file.toString()).redirectErrorStream(true).start();
        String printed = new String(keygen.getInputStream().readAllBytes());
        if (keygen.waitFor() != 0) {
            throw new IllegalStateException("halyard keygen failed: " + printed);
        }
    }

    /** {@code halyard status --xml} against one daemon's socket; the raw XML. */
    static String status(DaemonProcess daemon) throws IOException, InterruptedException {
        Process status = new ProcessBuilder(DaemonProcess.HOME.resolve("halyard").toString(), "status", "--xml",
                "--socket", daemon.stateDir.resolve("halyard.sock").toString()).redirectErrorStream(true).start();
        String printed = new String(status.getInputStream().readAllBytes());
        return status.waitFor() == 0 ? printed : "";
    }

    static String nodeState(String statusXml, String node) {
        Matcher m = Pattern.compile("<node name=\"" + node + "\" id=\"\\d+\" state=\"(\\w+)\"/>").matcher(statusXml);
        return m.find() ? m.group(1) : "unknown";
    }

    static boolean quorate(String statusXml) {
        return statusXml.contains(" quorate=\"true\"");
    }

    /** Polls the daemon's status until the condition holds; returns how long that took. */
    static Duration awaitStatus(DaemonProcess daemon, String what, Duration timeout,
            java.util.function.Predicate<String> condition) throws Exception {
        long start = System.nanoTime();
        String last = "";
        while (System.nanoTime() - start < timeout.toNanos()) {
            last = status(daemon);
            if (condition.test(last)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("within " + timeout + ", " + what + " did not happen; last status:\n" + last
                + "\nlog:\n" + daemon.log());
    }

    @Override
    public void close() throws Exception {
        for (DaemonProcess daemon : daemons) {
            daemon.close();
        }
    }
}
