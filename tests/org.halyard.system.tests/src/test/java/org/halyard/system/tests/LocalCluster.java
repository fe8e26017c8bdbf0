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

    DaemonProcess start(int node, boolean ownKey) throws Exception {
        Path config = config(node, ownKey);
        DaemonProcess daemon = DaemonProcess.start(config, config.resolveSibling("state"), "--node", "node" + node);
        daemons.add(daemon);
        return daemon;
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
