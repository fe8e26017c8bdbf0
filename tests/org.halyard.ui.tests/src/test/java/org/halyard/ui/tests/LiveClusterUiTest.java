package org.halyard.ui.tests;

import static org.halyard.ui.tests.UiTestSupport.clickMenu;
import static org.halyard.ui.tests.UiTestSupport.find;
import static org.halyard.ui.tests.UiTestSupport.onUi;
import static org.halyard.ui.tests.UiTestSupport.pressButton;
import static org.halyard.ui.tests.UiTestSupport.waitForShell;
import static org.halyard.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.halyard.ui.ClientConnections;
import org.halyard.ui.ClusterDefinition;
import org.halyard.ui.ClusterExplorerView;
import org.halyard.ui.ClusterRegistry;
import org.halyard.ui.StatusView;
import org.halyard.ui.StatusView.DrawnEvent;
import org.halyard.ui.UiIds;
import org.halyard.ui.connection.ClusterConnection;
import org.halyard.ui.connection.ConnectionSettings;
import org.halyard.ui.connection.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real local cluster: three halyardd processes of the built product with
 * their embedded SSH servers on loopback, a test user key, and the client's known_hosts file (the
 * pom names it, as scripts/demo.sh does) holding exactly their host keys. The cluster is added to
 * the explorer's registry and connected from the explorer's menu, as an admin does; the client
 * shows nodes and resources, stops and starts a resource from the view, follows a node's crash,
 * and reconnects to another node when the one it is connected to dies. One cluster serves the
 * whole story: starting it costs ~25 s.
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
    private Path knownHosts;
    private final List<Process> daemons = new ArrayList<>();
    private Shell window;

    @BeforeEach
    void startCluster() throws Exception {
        waitUntil("the workbench window is open", 30_000,
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        window = onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        dir = Files.createTempDirectory("halyard-ui-live");
        // the client reads known_hosts where the pom's halyard.knownHosts says: never write (or delete) the user's
        Path clientKnownHosts = ClientConnections.get().settings().knownHosts();
        assertEquals(Optional.ofNullable(System.getProperty(ConnectionSettings.KNOWN_HOSTS_PROPERTY)).map(Path::of),
                Optional.of(clientKnownHosts), "the client must be started with -D"
                        + ConnectionSettings.KNOWN_HOSTS_PROPERTY + " (the pom sets it)");
        knownHosts = clientKnownHosts;
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id_ed25519").toString());
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        run(DAEMON_HOME.resolve("halyard").toString(), "keygen", "--file", dir.resolve("authkey").toString());
        for (int n = 1; n <= 3; n++) {
            daemons.add(startDaemon(n));
        }
        StringBuilder hostKeys = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            Path hostKey = state(n).resolve("ssh_host_ec_key.pub");
            waitUntil("node" + n + "'s SSH host key", 60_000, () -> Files.exists(hostKey));
            String[] publicKey = Files.readString(hostKey).strip().split(" ");
            hostKeys.append("[127.0.0.").append(n).append("]:").append(SSH_PORT).append(' ').append(publicKey[0])
                    .append(' ').append(publicKey[1]).append('\n');
        }
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(knownHosts, hostKeys);
        waitUntil("three nodes online", 60_000, () -> cliStatus().split("state=\"online\"", -1).length - 1 == 3);
        Path crm = Files.writeString(dir.resolve("live.crm"), CONFIG);
        run(DAEMON_HOME.resolve("halyard").toString(), "configure", "load", crm.toString(), "--socket",
                state(1).resolve("halyard.sock").toString());
    }

    @AfterEach
    void stopCluster() throws Exception {
        ClientConnections.get().remove(CLUSTER);
        onUi(() -> ClusterRegistry.forWorkspace().remove(CLUSTER));
        if (knownHosts != null) {
            Files.deleteIfExists(knownHosts);
        }
        for (Process daemon : daemons) {
            daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void connectsFromTheExplorerOperatesFollowsACrashAndReconnectsWhenItsNodeDies() throws Exception {
        ClusterDefinition cluster = new ClusterDefinition(CLUSTER, List.of(address(1), address(2), address(3)),
                System.getProperty("user.name"), dir.resolve("id_ed25519").toString());
        onUi(() -> ClusterRegistry.forWorkspace().put(cluster));
        Tree explorer = onUi(() -> find(window, UiIds.EXPLORER_TREE, Tree.class));
        waitUntil("the explorer lists the cluster", 5_000, () -> !explorerText(explorer).isEmpty());
        onUi(() -> {
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            ClusterExplorerView view = (ClusterExplorerView) page.findView(ClusterExplorerView.ID);
            page.activate(view);
            ((TreeViewer) view.getSite().getSelectionProvider()).setSelection(new StructuredSelection(cluster), true);
        });
        clickMenu(explorer, ClusterExplorerView.CONNECT);
        try {
            waitUntil("connected over SSH", 30_000, () -> connection().map(c -> c.state().isConnected()).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + connection().map(c -> c.state().describe())
                    .orElse("no connection") + "; open windows " + onUi(LiveClusterUiTest::shellTitles) + "\n"
                    + busyThreads(), e);
        }
        ClusterConnection connection = connection().orElseThrow();
        assertEquals(address(1), connection.state().node(), "the nodes are tried in the order the admin gave");
        waitUntil("the explorer shows the connection", 5_000,
                () -> explorerText(explorer).endsWith("\u2014 Connected to " + address(1)));

        Tree resources = onUi(() -> find(window, UiIds.STATUS_RESOURCES, Tree.class));
        Table nodes = onUi(() -> find(window, UiIds.STATUS_NODES, Table.class));
        Label connectionLabel = onUi(() -> find(window, UiIds.STATUS_CONNECTION, Label.class));
        waitUntil("the three nodes shown online", 30_000, () -> Stream.of("node1", "node2", "node3")
                .allMatch(node -> nodeState(nodes, node).startsWith("online")));
        waitUntil("db on node1 and web on node2 in the view", 30_000,
                () -> row(resources, "db").equals("Started node1") && row(resources, "ip").equals("Started node2")
                        && row(resources, "site").equals("Started node2"));
        UiTestSupport.screenshot(window, "live-cluster-connected");

        // stop db from its context menu (confirmed), and see the view follow
        onUi(() -> resources.setSelection(item(resources, "db")));
        clickMenu(resources, "Stop");
        pressButton(waitForShell("Stop db", 5_000), "OK");
        long clicked = System.nanoTime();
        DrawnEvent stopDrawn = waitUntilDrawn("db shown stopped", 15_000,
                () -> row(resources, "db").startsWith("Stopped"));
        System.out.println("ui: Stop clicked -> view shows db Stopped after " + millisSince(clicked) + " ms");
        printLatency(stopDrawn);
        UiTestSupport.screenshot(window, "live-cluster-db-stopped");
        onUi(() -> resources.setSelection(item(resources, "db")));
        clickMenu(resources, "Start");
        waitUntil("db shown started again", 15_000, () -> row(resources, "db").equals("Started node1"));

        // node2 crashes: the view shows it offline and web running elsewhere, within seconds
        long killed = System.nanoTime();
        daemons.get(1).destroyForcibly();
        DrawnEvent offlineDrawn = waitUntilDrawn("node2 shown offline", 15_000,
                () -> nodeState(nodes, "node2").startsWith("offline"));
        long offlineShown = millisSince(killed);
        printLatency(offlineDrawn);
        waitUntil("web shown on a survivor", 15_000, () -> row(resources, "ip").matches("Started node[13]")
                && row(resources, "site").equals(row(resources, "ip")));
        System.out.println("ui: kill -9 of node2 -> view shows it offline after " + offlineShown
                + " ms, web running on a survivor after " + millisSince(killed) + " ms");
        UiTestSupport.screenshot(window, "live-cluster-after-crash");
        assertTrue(millisSince(killed) < 10_000, "the view followed the crash within seconds");

        // node1, the node the client is connected to, dies: the client says it is reconnecting, passes
        // over node2 (down already) to node3, and shows node1 offline from there
        long lost = System.nanoTime();
        daemons.get(0).destroyForcibly();
        waitUntil("the explorer and the status view show the reconnect", 10_000,
                () -> explorerText(explorer).contains("\u2014 Reconnecting in ")
                        && connectionLabel.getText().startsWith("Reconnecting in "));
        long reconnectingShown = millisSince(lost);
        UiTestSupport.screenshot(window, "live-cluster-reconnecting");
        try {
            waitUntil("connected to node3", 30_000,
                    () -> connection.state().equals(ConnectionState.connected(address(3))));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + connection.state().describe(), e);
        }
        long reconnected = millisSince(lost);
        waitUntil("the explorer and the status view show node3", 5_000,
                () -> explorerText(explorer).endsWith("\u2014 Connected to " + address(3))
                        && connectionLabel.getText().equals("Connected to " + address(3)));
        waitUntil("node1 shown offline", 15_000, () -> nodeState(nodes, "node1").startsWith("offline")
                && nodeState(nodes, "node3").startsWith("online"));
        System.out.println("ui: kill -9 of node1 (connected) -> \"Reconnecting\" shown after " + reconnectingShown
                + " ms, connected to node3 after " + reconnected + " ms, node1 shown offline after " + millisSince(lost)
                + " ms");
        UiTestSupport.screenshot(window, "live-cluster-reconnected");
    }

    private static Optional<ClusterConnection> connection() {
        return ClientConnections.get().get(CLUSTER);
    }

    private static String address(int node) {
        return "127.0.0." + node + ":" + SSH_PORT;
    }

    /**
     * Waits until the view shows what is awaited and returns, read on the UI thread in the same
     * moment, the event whose drawing showed it.
     */
    private static DrawnEvent waitUntilDrawn(String what, long timeoutMillis, BooleanSupplier shown)
            throws InterruptedException {
        AtomicReference<DrawnEvent> drawn = new AtomicReference<>();
        waitUntil(what, timeoutMillis, () -> {
            if (!shown.getAsBoolean()) {
                return false;
            }
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            drawn.set(((StatusView) page.findView(StatusView.ID)).lastEventDrawn());
            return true;
        });
        return drawn.get();
    }

    /** The daemons run on this host: their clock is the client's, so the difference is the latency. */
    private static void printLatency(DrawnEvent drawn) {
        assertNotNull(drawn, "the view was drawn from an event");
        assertEquals(CLUSTER, drawn.cluster());
        System.out.println("ui: cluster event -> view drawn " + drawn.millis()
                + " ms (daemon timestamp to the view's widgets redrawn; event " + drawn.event() + ")");
        assertTrue(drawn.millis() >= 0 && drawn.millis() < 10_000, "an event is drawn within seconds of its "
                + "daemon timestamp, not " + drawn.millis() + " ms");
    }

    /** The explorer's line for the test cluster: name, size, user and connection state. */
    private static String explorerText(Tree explorer) {
        return onUi(() -> {
            for (TreeItem item : explorer.getItems()) {
                if (item.getText().startsWith(CLUSTER + "  (")) {
                    return item.getText();
                }
            }
            return "";
        });
    }

    /** What dialogs are open: a host-key or password question the test did not expect would hang the connect. */
    private static List<String> shellTitles() {
        return Stream.of(UiTestSupport.display().getShells()).filter(Shell::isVisible).map(Shell::getText).toList();
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
