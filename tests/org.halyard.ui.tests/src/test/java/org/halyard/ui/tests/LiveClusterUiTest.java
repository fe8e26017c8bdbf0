package org.halyard.ui.tests;

import static org.halyard.ui.tests.UiTestSupport.clickMenu;
import static org.halyard.ui.tests.UiTestSupport.find;
import static org.halyard.ui.tests.UiTestSupport.onUi;
import static org.halyard.ui.tests.UiTestSupport.pressButton;
import static org.halyard.ui.tests.UiTestSupport.waitForShell;
import static org.halyard.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.halyard.ssh.HalyardSsh;
import org.halyard.ssh.PasswordPrompt;
import org.halyard.ui.ClientConnections;
import org.halyard.ui.ClusterDefinition;
import org.halyard.ui.ClusterExplorerView;
import org.halyard.ui.ClusterRegistry;
import org.halyard.ui.UiIds;
import org.halyard.ui.connection.ClusterConnection;
import org.halyard.ui.connection.ConnectJob;
import org.halyard.ui.connection.ConnectionSettings;
import org.halyard.ui.connection.SshChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real local cluster: three halyardd processes of the built product with
 * their embedded SSH servers on loopback, a test user key, and a known_hosts file holding exactly
 * their host keys. The client connects over SSH, shows nodes and resources, stops and starts a
 * resource from the view, and follows a node's crash.
 */
class LiveClusterUiTest {

    private static final String CLUSTER = "ui-live-cluster";
    private static final Path DAEMON_HOME = Path.of(System.getProperty("halyard.daemon.home",
            "../../daemon/product/target/products/org.halyard.daemon.product/linux/gtk/x86_64/halyardd"));
    private static final int SSH_PORT = 2322;
    private static final int CLUSTER_PORT = 15605;
    private static final String CONFIG = """
            primitive db ocf:heartbeat:Dummy op monitor interval=2s timeout=20s
            primitive ip ocf:heartbeat:Dummy op monitor interval=2s timeout=20s
            primitive site ocf:heartbeat:Dummy op monitor interval=2s timeout=20s
            group web ip site
            location web-on-node2 web 100: node2
            location db-on-node1 db 100: node1
            property stonith-enabled=false
            rsc_defaults resource-stickiness=100
            """;

    private Path dir;
    private final List<Process> daemons = new ArrayList<>();
    private HalyardSsh ssh;
    private Shell window;

    @BeforeEach
    void startCluster() throws Exception {
        waitUntil("the workbench window is open", 30_000,
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        window = onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        dir = Files.createTempDirectory("halyard-ui-live");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id_ed25519").toString());
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        run(DAEMON_HOME.resolve("halyard").toString(), "keygen", "--file", dir.resolve("authkey").toString());
        for (int n = 1; n <= 3; n++) {
            daemons.add(startDaemon(n));
        }
        StringBuilder knownHosts = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            Path hostKey = state(n).resolve("ssh_host_ec_key.pub");
            waitUntil("node" + n + "'s SSH host key", 60_000, () -> Files.exists(hostKey));
            String[] publicKey = Files.readString(hostKey).strip().split(" ");
            knownHosts.append("[127.0.0.").append(n).append("]:").append(SSH_PORT).append(' ').append(publicKey[0])
                    .append(' ').append(publicKey[1]).append('\n');
        }
        Files.writeString(dir.resolve("known_hosts"), knownHosts);
        waitUntil("three nodes online", 60_000, () -> cliStatus().split("state=\"online\"", -1).length - 1 == 3);
        Path crm = Files.writeString(dir.resolve("live.crm"), CONFIG);
        run(DAEMON_HOME.resolve("halyard").toString(), "configure", "load", crm.toString(), "--socket",
                state(1).resolve("halyard.sock").toString());
    }

    @AfterEach
    void stopCluster() throws Exception {
        ClientConnections.get().remove(CLUSTER);
        onUi(() -> ClusterRegistry.forWorkspace().remove(CLUSTER));
        if (ssh != null) {
            ssh.close();
        }
        for (Process daemon : daemons) {
            daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void connectsOverSshShowsTheClusterOperatesOnItAndFollowsACrash() throws Exception {
        ClusterDefinition cluster = new ClusterDefinition(CLUSTER, List.of("127.0.0.1:" + SSH_PORT,
                "127.0.0.2:" + SSH_PORT, "127.0.0.3:" + SSH_PORT), System.getProperty("user.name"),
                dir.resolve("id_ed25519").toString());
        onUi(() -> ClusterRegistry.forWorkspace().put(cluster));
        onUi(() -> {
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            ClusterExplorerView explorer = (ClusterExplorerView) page.findView(ClusterExplorerView.ID);
            ((TreeViewer) explorer.getSite().getSelectionProvider()).setSelection(new StructuredSelection(cluster),
                    true);
        });
        // strict host keys: an unknown host would be refused, never trusted silently
        ssh = new HalyardSsh(dir.resolve("known_hosts"), (host, type, fingerprint) -> false, PasswordPrompt.NONE,
                Optional.empty());
        ClusterConnection connection = new ClusterConnection(cluster, new SshChannels(ssh, cluster),
                new ConnectionSettings(dir.resolve("known_hosts"), Duration.ofSeconds(15), Duration.ofSeconds(30)));
        ClientConnections.get().add(connection);
        new ConnectJob(connection).schedule();
        Job.getJobManager().join(ConnectJob.FAMILY, null);
        try {
            waitUntil("connected over SSH", 20_000, () -> connection.state().isConnected());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + connection.state().describe() + "\n" + busyThreads(), e);
        }

        Tree resources = onUi(() -> find(window, UiIds.STATUS_RESOURCES, Tree.class));
        Table nodes = onUi(() -> find(window, UiIds.STATUS_NODES, Table.class));
        waitUntil("db on node1 and web on node2 in the view", 30_000,
                () -> row(resources, "db").equals("Started node1") && row(resources, "ip").equals("Started node2")
                        && row(resources, "site").equals("Started node2"));
        UiTestSupport.screenshot(window, "live-cluster-connected");

        // stop db from its context menu (confirmed), and see the view follow
        onUi(() -> resources.setSelection(item(resources, "db")));
        clickMenu(resources, "Stop");
        pressButton(waitForShell("Stop db", 5_000), "OK");
        long clicked = System.nanoTime();
        waitUntil("db shown stopped", 15_000, () -> row(resources, "db").startsWith("Stopped"));
        System.out.println("ui: Stop clicked -> view shows db Stopped after " + millisSince(clicked) + " ms");
        UiTestSupport.screenshot(window, "live-cluster-db-stopped");
        onUi(() -> resources.setSelection(item(resources, "db")));
        clickMenu(resources, "Start");
        waitUntil("db shown started again", 15_000, () -> row(resources, "db").equals("Started node1"));

        // node2 crashes: the view shows it offline and web running elsewhere, within seconds
        long killed = System.nanoTime();
        daemons.get(1).destroyForcibly();
        waitUntil("node2 shown offline", 15_000, () -> nodeState(nodes, "node2").startsWith("offline"));
        long offlineShown = millisSince(killed);
        waitUntil("web shown on a survivor", 15_000, () -> row(resources, "ip").matches("Started node[13]")
                && row(resources, "site").equals(row(resources, "ip")));
        System.out.println("ui: kill -9 of node2 -> view shows it offline after " + offlineShown
                + " ms, web running on a survivor after " + millisSince(killed) + " ms");
        UiTestSupport.screenshot(window, "live-cluster-after-crash");
        assertTrue(millisSince(killed) < 10_000, "the view followed the crash within seconds");
    }

    /** Where the client's threads are, for a failure message: what a hung connection waits on. */
    private static String busyThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            String trace = Stream.of(stack).map(StackTraceElement::toString).reduce("", (a, b) -> a + "\n    " + b);
            if (trace.contains("org.halyard") || trace.contains("org.apache.sshd.client")) {
                out.append(thread.getName()).append(':').append(trace).append('\n');
            }
        });
        return out.toString();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** "Started node1": a resource row's role and node columns. */
    private static String row(Tree tree, String id) {
        return onUi(() -> {
            TreeItem item = item(tree, id);
            return item == null ? "" : (item.getText(2) + " " + item.getText(3)).strip();
        });
    }

    private static TreeItem item(Tree tree, String id) {
        for (TreeItem top : tree.getItems()) {
            TreeItem found = item(top, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TreeItem item(TreeItem item, String id) {
        if (item.getText(0).equals(id)) {
            return item;
        }
        for (TreeItem child : item.getItems()) {
            TreeItem found = item(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String nodeState(Table nodes, String node) {
        return onUi(() -> {
            for (TableItem item : nodes.getItems()) {
                if (item.getText(0).equals(node)) {
                    return item.getText(1);
                }
            }
            return "";
        });
    }

    private Path state(int n) {
        return dir.resolve("node" + n).resolve("state");
    }

    private Process startDaemon(int n) throws IOException {
        Path config = Files.createDirectories(dir.resolve("node" + n).resolve("config"));
        Files.copy(dir.resolve("authkey"), config.resolve("authkey"));
        Files.setPosixFilePermissions(config.resolve("authkey"), PosixFilePermissions.fromString("rw-------"));
        StringBuilder conf = new StringBuilder("totem {\n version: 2\n cluster_name: uilive\n interface {\n"
                + "  linknumber: 0\n  mcastport: " + CLUSTER_PORT + "\n }\n}\nnodelist {\n");
        for (int m = 1; m <= 3; m++) {
            conf.append(" node {\n  ring0_addr: 127.0.0.").append(m).append("\n  name: node").append(m)
                    .append("\n  nodeid: ").append(m).append("\n }\n");
        }
        Files.writeString(config.resolve("cluster.conf"), conf.append("}\nquorum {\n provider: corosync_votequorum\n}\n"));
        return new ProcessBuilder(DAEMON_HOME.resolve("halyardd").toString(), "--config", config.toString(),
                "--state", state(n).toString(), "--node", "node" + n, "--run-dir",
                dir.resolve("node" + n).resolve("run").toString(), "--ssh-port", Integer.toString(SSH_PORT),
                "--authorized-keys", dir.resolve("authorized_keys").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("node" + n + ".out").toFile()).start();
    }

    private String cliStatus() {
        try {
            return run(DAEMON_HOME.resolve("halyard").toString(), "status", "--xml", "--socket",
                    state(1).resolve("halyard.sock").toString());
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return "";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
