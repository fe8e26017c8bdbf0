package org.halyard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.halyard.api.ApiClient;
import org.halyard.api.ApiException;
import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.ResourceStatus;

/**
 * Failover time of the built daemon product: three halyardd processes on loopback run a group
 * of three Dummy resources; the node running it is killed with SIGKILL, or hung with SIGSTOP,
 * and the time until the whole group runs on a survivor is taken from a survivor's status
 * (polled over its API socket every 20 ms). The baseline, measured in the same run, is a planned
 * {@code resource move} of the same group: the cluster's own work without failure detection.
 *
 * <pre>bench/run.sh failover [runs]</pre>
 */
public final class FailoverBench {

    private static final Path HOME = Path.of(System.getProperty("halyard.daemon.home",
            "daemon/product/target/products/org.halyard.daemon.product/linux/gtk/x86_64/halyardd"));
    private static final List<String> GROUP = List.of("ip", "fs", "site");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CONFIG = """
            primitive ip ocf:heartbeat:Dummy op monitor interval=2s timeout=20s
            primitive fs ocf:heartbeat:Dummy op monitor interval=2s timeout=20s
            primitive site ocf:heartbeat:Dummy op monitor interval=2s timeout=20s
            group web ip fs site
            property stonith-enabled=false
            rsc_defaults resource-stickiness=100
            """;

    private final Path dir;
    private final Process[] daemons = new Process[4];

    private FailoverBench(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (runs < 5) {
            throw new IllegalArgumentException("at least 5 runs per scenario, for a median and a maximum that mean something");
        }
        if (!Files.isExecutable(HOME.resolve("halyardd"))) {
            throw new IllegalStateException(HOME + "/halyardd is missing: build the product first (./mvnw package)");
        }
        Path dir = Files.createTempDirectory("halyard-failover");
        FailoverBench bench = new FailoverBench(dir);
        try {
            bench.run(runs);
        } finally {
            bench.stopAll();
        }
    }

    private void run(int runs) throws Exception {
        cli("keygen", "--file", dir.resolve("authkey").toString());
        for (int n = 1; n <= 3; n++) {
            start(n);
        }
        awaitOnline(1, 3);
        Path crm = Files.writeString(dir.resolve("web.crm"), CONFIG);
        cli("configure", "load", crm.toString(), "--socket", socket(1).toString());
        awaitGroupOn(1, node -> true);
        System.out.printf(Locale.ROOT, "failover of a 3-resource group, 3 nodes, default token (3650 ms effective), "
                + "%d runs each%n", runs);

        double[] move = new double[runs];
        for (int i = 0; i < runs; i++) {
            String from = groupNode(1);
            String to = from.equals("node2") ? "node3" : "node2";
            long start = System.nanoTime();
            cli("resource", "move", "web", to, "--socket", socket(1).toString());
            awaitGroupOn(1, to::equals);
            move[i] = (System.nanoTime() - start) / 1e6;
            cli("resource", "unmove", "web", "--socket", socket(1).toString());
        }
        double[] kill = failures(runs, "KILL");
        double[] stop = failures(runs, "STOP");
        double baseline = median(move);
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s%n", "scenario", "median ms", "max ms", "x move");
        row("planned resource move (baseline)", move, baseline);
        row("kill -9 of the group's node", kill, baseline);
        row("SIGSTOP of the group's node", stop, baseline);
    }

    /** Fails the node running the group with the signal, times the recovery, brings the node back. */
    private double[] failures(int runs, String signal) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            String victim = groupNode(1);
            int v = Integer.parseInt(victim.substring(4));
            int observer = v == 1 ? 2 : 1;
            long start = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(daemons[v].pid())).start().waitFor();
            awaitGroupOn(observer, node -> !node.equals(victim));
            ms[i] = (System.nanoTime() - start) / 1e6;
            daemons[v].destroyForcibly().waitFor();
            // a failed node comes back as after a power cycle: the agents' runtime state (Dummy's
            // state files, /run on a real node) is gone, or the next run would start from a node
            // that claims the group is still active
            deleteTree(dir.resolve("node" + v).resolve("run"));
            start(v);
            settle(observer);
        }
        return ms;
    }

    /**
     * Waits until the cluster is quiet again: all nodes online, the group on one node, the DC
     * without a transition, for two seconds in a row (the restarted node's probes are reported
     * and acted on within that), so no run starts in the middle of the previous one's recovery.
     */
    private void settle(int observer) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long quietSince = -1;
        while (System.nanoTime() < deadline) {
            StatusReport seen = status(observer);
            StatusReport dc = seen == null || seen.dc == null ? null : status(Integer.parseInt(seen.dc.substring(4)));
            boolean quiet = dc != null && !dc.transitionBusy && groupNode(dc) != null
                    && dc.nodes.stream().filter(node -> node.state.equals("online")).count() == 3;
            if (!quiet) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(2).toNanos()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the cluster did not settle within " + PATIENCE.toSeconds() + " s; logs in " + dir);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void row(String what, double[] ms, double baseline) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %9.0f %9.0f %9.2f%n", what, median(ms), sorted[sorted.length - 1],
                median(ms) / baseline);
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private void start(int n) throws IOException {
        Path config = Files.createDirectories(dir.resolve("node" + n).resolve("config"));
        Path key = config.resolve("authkey");
        if (!Files.exists(key)) {
            Files.copy(dir.resolve("authkey"), key);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        }
        StringBuilder conf = new StringBuilder("totem {\n version: 2\n cluster_name: bench\n interface {\n"
                + "  linknumber: 0\n  mcastport: 16405\n }\n}\nnodelist {\n");
        for (int m = 1; m <= 3; m++) {
            conf.append(" node {\n  ring0_addr: 127.0.0.").append(m).append("\n  name: node").append(m)
                    .append("\n  nodeid: ").append(m).append("\n }\n");
        }
        Files.writeString(config.resolve("cluster.conf"), conf.append("}\nquorum {\n provider: corosync_votequorum\n}\n"));
        Path state = dir.resolve("node" + n).resolve("state");
        daemons[n] = new ProcessBuilder(HOME.resolve("halyardd").toString(), "--config", config.toString(),
                "--state", state.toString(), "--node", "node" + n, "--run-dir", dir.resolve("node" + n)
                        .resolve("run").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("node" + n + ".out").toFile()).start();
    }

    private Path socket(int n) {
        return dir.resolve("node" + n).resolve("state").resolve("halyard.sock");
    }

    private StatusReport status(int n) {
        try (ApiClient client = ApiClient.connect(socket(n))) {
            return client.call(client.request("status")).payload(StatusReport.class);
        } catch (ApiException e) {
            return null; // not up yet
        }
    }

    private void awaitOnline(int n, int nodes) throws InterruptedException {
        await("node" + n + " to see " + nodes + " nodes online", n, s -> s.nodes.stream()
                .filter(node -> node.state.equals("online")).count() == nodes && !s.transitionBusy);
    }

    /** Waits until every member of the group runs on one node the predicate accepts. */
    private void awaitGroupOn(int n, Predicate<String> where) throws InterruptedException {
        await("the group running on one node", n, s -> {
            String node = groupNode(s);
            return node != null && where.test(node);
        });
    }

    private String groupNode(int n) throws InterruptedException {
        awaitGroupOn(n, node -> true);
        return groupNode(status(n));
    }

    private static String groupNode(StatusReport status) {
        List<ResourceStatus> primitives = new ArrayList<>();
        status.resources.forEach(r -> collect(r, primitives));
        List<String> nodes = primitives.stream().filter(p -> GROUP.contains(p.id) && "Started".equals(p.role))
                .map(p -> p.node).distinct().toList();
        long started = primitives.stream().filter(p -> GROUP.contains(p.id) && "Started".equals(p.role)).count();
        return started == GROUP.size() && nodes.size() == 1 ? nodes.get(0) : null;
    }

    private static void collect(ResourceStatus rsc, List<ResourceStatus> into) {
        if ("primitive".equals(rsc.kind)) {
            into.add(rsc);
        }
        rsc.members.forEach(m -> collect(m, into));
    }

    private void await(String what, int n, Predicate<StatusReport> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            StatusReport status = status(n);
            if (status != null && condition.test(status)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("waited " + PATIENCE.toSeconds() + " s for " + what + "; logs in " + dir);
    }

    private void cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("halyard").toString()));
        command.addAll(List.of(args));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes());
        if (cli.waitFor() != 0) {
            throw new IllegalStateException("halyard " + String.join(" ", args) + " failed: " + out);
        }
    }

    private void stopAll() throws InterruptedException {
        for (Process daemon : daemons) {
            if (daemon != null && daemon.isAlive()) {
                daemon.destroyForcibly().waitFor();
            }
        }
    }
}
