package org.halyard.ui.tests;

import static org.halyard.ui.tests.UiTestSupport.clickMenu;
import static org.halyard.ui.tests.UiTestSupport.find;
import static org.halyard.ui.tests.UiTestSupport.onUi;
import static org.halyard.ui.tests.UiTestSupport.pressButton;
import static org.halyard.ui.tests.UiTestSupport.waitForShell;
import static org.halyard.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.halyard.api.ClusterEvent;
import org.halyard.api.StatusReport;
import org.halyard.ssh.SshConnectException;
import org.halyard.ui.ClientConnections;
import org.halyard.ui.ClusterDefinition;
import org.halyard.ui.ClusterExplorerView;
import org.halyard.ui.ClusterRegistry;
import org.halyard.ui.StatusView;
import org.halyard.ui.StatusView.DrawnEvent;
import org.halyard.ui.UiIds;
import org.halyard.ui.connection.ChannelOpener;
import org.halyard.ui.connection.ClusterConnection;
import org.halyard.ui.connection.ClusterListener;
import org.halyard.ui.connection.ConnectJob;
import org.halyard.ui.connection.ConnectionSettings;
import org.halyard.ui.status.StatusStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status view drawing the crm_mon picture: first fed reports directly through the connection
 * layer's listener interface, then live from a fake daemon through a real connection, with the
 * context-menu operations reaching the daemon, and two clusters connected at once, each shown with
 * its own picture.
 */
class StatusViewTest {

    private static final String CLUSTER = "ui-status-cluster";
    private static final String OTHER = "ui-status-other";

    private Shell window;
    private Path dir;
    private FakeDaemon daemon;
    private FakeDaemon otherDaemon;

    @BeforeEach
    void openWindow() throws Exception {
        waitUntil("the workbench window is open", 30_000,
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        window = onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        dir = Files.createTempDirectory("halyard-ui-test");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (String name : List.of(CLUSTER, OTHER)) {
            ClientConnections.get().remove(name);
            onUi(() -> ClusterRegistry.forWorkspace().remove(name));
        }
        Stream.of(daemon, otherDaemon).filter(Objects::nonNull).forEach(FakeDaemon::close);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static IWorkbenchPage page() {
        return onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage());
    }

    private static StatusView statusView() {
        return onUi(() -> (StatusView) page().findView(StatusView.ID));
    }

    private ConnectionSettings settings() {
        return new ConnectionSettings(dir.resolve("known_hosts"), Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    private ClusterDefinition addCluster(String name, List<String> nodes) {
        ClusterDefinition cluster = new ClusterDefinition(name, nodes, "root", "");
        onUi(() -> ClusterRegistry.forWorkspace().put(cluster));
        select(cluster);
        return cluster;
    }

    /** Selects the cluster in the explorer, as a click there does: the status view shows it. */
    private static void select(ClusterDefinition cluster) {
        onUi(() -> {
            ClusterExplorerView explorer = (ClusterExplorerView) page().findView(ClusterExplorerView.ID);
            page().activate(explorer);
            ((TreeViewer) explorer.getSite().getSelectionProvider()).setSelection(new StructuredSelection(cluster), true);
        });
    }

    private Tree resources() {
        return onUi(() -> find(window, UiIds.STATUS_RESOURCES, Tree.class));
    }

    private Table nodes() {
        return onUi(() -> find(window, UiIds.STATUS_NODES, Table.class));
    }

    private static List<String> texts(TableItem item, int columns) {
        return Stream.iterate(0, i -> i + 1).limit(columns).map(item::getText).toList();
    }

    private static List<String> texts(TreeItem item) {
        return Stream.iterate(0, i -> i + 1).limit(4).map(item::getText).toList();
    }

    @Test
    void aReportIsDrawnAsCrmMonDrawsItAndAChangedRowIsHighlighted() throws Exception {
        ClusterDefinition cluster = addCluster(CLUSTER, List.of("node1", "node2", "node3"));
        // not registered and never connected: the report goes in through the listener interface only
        ClusterConnection connection = new ClusterConnection(cluster, node -> {
            throw new IllegalStateException("not used");
        }, settings());
        StatusReport first = SampleReports.healthy();
        statusView().statusChanged(connection, first, new ClusterEvent(1, "i", 1, "resync", "resync", first));
        Tree tree = resources();
        waitUntil("the resources are drawn", 5_000, () -> tree.isVisible() && tree.getItemCount() == 3);

        assertEquals(CLUSTER + ": demo", onUi(() -> find(window, UiIds.STATUS_HEADLINE, Label.class).getText()));
        String summary = onUi(() -> find(window, UiIds.STATUS_DETAIL, Label.class).getText());
        assertTrue(summary.contains("Current DC: node1 - partition with quorum (3 of 3 expected votes)"), summary);
        assertTrue(summary.contains("CIB version: 0:12:3, reported by node1"), summary);
        assertTrue(summary.contains("3 nodes configured, 6 resource instances configured"), summary);

        Table nodes = nodes();
        onUi(() -> {
            assertEquals(List.of("node1", "online (DC)"), texts(nodes.getItem(0), 2));
            assertEquals(List.of("node2", "standby"), texts(nodes.getItem(1), 2));
            assertEquals(List.of("node3", "offline"), texts(nodes.getItem(2), 2));
            assertEquals(StatusStyle.RUNNING, nodes.getItem(0).getForeground(1).getRGB());
            assertEquals(StatusStyle.STANDBY, nodes.getItem(1).getForeground(1).getRGB());
            assertEquals(StatusStyle.STOPPED, nodes.getItem(2).getForeground(1).getRGB());

            TreeItem web = tree.getItem(0);
            assertEquals("Resource Group: web", web.getText(0));
            assertEquals(List.of("apache", "ocf:heartbeat:Dummy", "Started", "node1"), texts(web.getItem(1)));
            assertEquals(StatusStyle.RUNNING, web.getItem(1).getForeground(2).getRGB());
            TreeItem db = tree.getItem(1);
            assertEquals(List.of("db", "ocf:heartbeat:Dummy", "FAILED", "node1"), texts(db));
            assertEquals(StatusStyle.FAILED, db.getForeground(2).getRGB());
            TreeItem drbd = tree.getItem(2);
            assertEquals("Clone Set: drbd [promotable]", drbd.getText(0));
            assertEquals(List.of("state", "ocf:pacemaker:Stateful", "Promoted", "node1"), texts(drbd.getItem(0)));
            assertTrue((drbd.getItem(0).getFont().getFontData()[0].getStyle() & SWT.BOLD) != 0, "Promoted is bold");
            assertEquals(List.of("state", "ocf:pacemaker:Stateful", "Unpromoted", "node2"), texts(drbd.getItem(1)));
            assertEquals(StatusStyle.STOPPED, drbd.getItem(2).getForeground(2).getRGB());

            Table failures = find(window, UiIds.STATUS_FAILURES, Table.class);
            assertEquals(1, failures.getItemCount());
            assertEquals(List.of("db", "node1", "monitor_10000", "not running (rc=7)", "process vanished"),
                    texts(failures.getItem(0), 5));
            Table failCounts = find(window, UiIds.STATUS_FAIL_COUNTS, Table.class);
            assertEquals(List.of("db", "node1", "2", "3"), texts(failCounts.getItem(0), 4));
            assertNotEquals(StatusStyle.CHANGED, web.getItem(1).getBackground().getRGB(),
                    "nothing is highlighted in the first picture");
        });
        UiTestSupport.screenshot(window, "status-report");

        StatusReport second = SampleReports.apacheStopped();
        statusView().statusChanged(connection, second, new ClusterEvent(2, "i", 2, "resource", "apache stopped", second));
        waitUntil("apache shows stopped", 5_000, () -> tree.getItem(0).getItem(1).getText(2).startsWith("Stopped"));
        onUi(() -> {
            TreeItem apache = tree.getItem(0).getItem(1);
            assertEquals(List.of("apache", "ocf:heartbeat:Dummy", "Stopped (disabled)", ""), texts(apache));
            assertEquals(StatusStyle.STOPPED, apache.getForeground(2).getRGB());
            assertEquals(StatusStyle.CHANGED, apache.getBackground().getRGB(), "the changed row is highlighted");
            assertNotEquals(StatusStyle.CHANGED, tree.getItem(0).getItem(0).getBackground().getRGB(),
                    "an unchanged row is not");
        });
        UiTestSupport.screenshot(window, "status-row-changed");
        waitUntil("the highlight fades", 6_000,
                () -> !tree.getItem(0).getItem(1).getBackground().getRGB().equals(StatusStyle.CHANGED));
    }

    @Test
    void aLiveClusterIsShownFromItsEventStreamAndOperationsReachTheDaemon() throws Exception {
        daemon = new FakeDaemon(dir, "n1", "n2");
        ClusterDefinition cluster = addCluster(CLUSTER, List.of("n1", "n2"));
        ClientConnections.get().add(new ClusterConnection(cluster, daemon.opener(), settings()));
        Tree explorer = onUi(() -> find(window, UiIds.EXPLORER_TREE, Tree.class));
        clickMenu(explorer, ClusterExplorerView.CONNECT);
        waitUntil("connected", 10_000, () -> ClientConnections.get().get(CLUSTER).orElseThrow().state().isConnected());
        Job.getJobManager().join(ConnectJob.FAMILY, null);
        waitUntil("the explorer shows the connection", 5_000,
                () -> explorerText(explorer).endsWith("\u2014 Connected to n1"));

        daemon.publish(SampleReports.healthy(), "cib", "loaded");
        Tree tree = resources();
        waitUntil("the live picture is drawn", 5_000, () -> tree.isVisible() && tree.getItemCount() == 3);
        assertEquals("Connected to n1", onUi(() -> find(window, UiIds.STATUS_CONNECTION, Label.class).getText()));
        // the fake stamps its events with this clock: the latency is the view's own, well under a second
        DrawnEvent drawn = onUi(() -> statusView().lastEventDrawn());
        assertEquals(CLUSTER, drawn.cluster());
        assertEquals("loaded", drawn.event().text);
        assertTrue(drawn.millis() >= 0 && drawn.millis() < 5_000, drawn.millis() + " ms from event to view");

        // Stop asks first, then sends op "resource" action=stop rsc=db
        onUi(() -> tree.setSelection(tree.getItem(1)));
        clickMenu(tree, "Stop");
        pressButton(waitForShell("Stop db", 5_000), "OK");
        waitUntil("the daemon got the stop", 5_000, () -> daemon.requests().contains("resource stop rsc=db"));

        // Restart stops the resource too: it asks first; a refusal is shown as the daemon worded it
        daemon.refuseNext("cannot restart db: the partition has no quorum");
        clickMenu(tree, "Restart");
        Shell confirm = waitForShell("Restart db", 5_000);
        assertTrue(onUi(() -> UiTestSupport.allLabelText(confirm)).contains("Restart resource \u201cdb\u201d?"));
        pressButton(confirm, "OK");
        waitUntil("the question is answered", 5_000, confirm::isDisposed);
        Shell error = waitForShell("Restart db", 5_000);
        assertTrue(onUi(() -> UiTestSupport.allLabelText(error)).contains("cannot restart db: the partition has no quorum"));
        UiTestSupport.screenshot(error, "status-operation-refused");
        pressButton(error, "OK");
        assertTrue(daemon.requests().contains("resource restart rsc=db"));

        // db as a whole is cleaned up on every node; its failure on node1 from the failures table on node1 only
        assertTrue(onUi(() -> UiTestSupport.menuTexts(tree)).contains("Cleanup on All Nodes"));
        clickMenu(tree, "Cleanup on All Nodes");
        waitUntil("the daemon got the cleanup", 5_000, () -> daemon.requests().contains("resource cleanup rsc=db"));
        Table failures = onUi(() -> find(window, UiIds.STATUS_FAILURES, Table.class));
        onUi(() -> failures.setSelection(0));
        assertEquals(List.of("Cleanup on node1"), onUi(() -> UiTestSupport.menuTexts(failures)));
        clickMenu(failures, "Cleanup on node1");
        waitUntil("the daemon got the cleanup on node1", 5_000,
                () -> daemon.requests().contains("resource cleanup rsc=db node=node1"));

        // an instance of a clone: its cleanup is on its node; promote and demote set the whole clone's
        // target-role, so they name the clone and no node
        onUi(() -> tree.setSelection(tree.getItem(2).getItem(1)));
        List<String> instanceMenu = onUi(() -> UiTestSupport.menuTexts(tree));
        assertTrue(instanceMenu.containsAll(List.of("Cleanup on node2", "Promote drbd", "Demote drbd")),
                instanceMenu.toString());
        clickMenu(tree, "Cleanup on node2");
        waitUntil("the daemon got the instance's cleanup", 5_000,
                () -> daemon.requests().contains("resource cleanup rsc=state node=node2"));
        clickMenu(tree, "Promote drbd");
        waitUntil("the daemon got the promote", 5_000, () -> daemon.requests().contains("resource promote rsc=drbd"));

        // node standby asks first
        Table nodes = nodes();
        onUi(() -> nodes.setSelection(1));
        clickMenu(nodes, "Standby");
        pressButton(waitForShell("Standby node2", 5_000), "OK");
        waitUntil("the daemon got the standby", 5_000, () -> daemon.requests().contains("node standby node=node2"));
        UiTestSupport.screenshot(window, "status-live");

        // the node goes away: the client reconnects to the next one and resumes
        daemon.stopNode("n1");
        waitUntil("reconnected to n2", 10_000, () -> explorerText(explorer).endsWith("\u2014 Connected to n2"));
        daemon.publish(SampleReports.apacheStopped(), "resource", "apache stopped");
        waitUntil("the new picture arrives", 5_000, () -> tree.getItem(0).getItem(1).getText(2).startsWith("Stopped"));
        assertEquals("Connected to n2", onUi(() -> find(window, UiIds.STATUS_CONNECTION, Label.class).getText()));

        clickMenu(explorer, ClusterExplorerView.DISCONNECT);
        try {
            waitUntil("disconnected", 10_000, () -> explorerText(explorer).endsWith("\u2014 Disconnected"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the explorer shows \"" + onUi(() -> explorerText(explorer)) + "\"", e);
        }
        UiTestSupport.screenshot(window, "status-disconnected");
    }

    /** A password dialog cancelled while reconnecting ends the reconnecting: no asking again after each pause. */
    @Test
    void aLoginCancelledWhileReconnectingEndsTheReconnecting() throws Exception {
        daemon = new FakeDaemon(dir, "n1", "n2");
        ClusterDefinition cluster = addCluster(CLUSTER, List.of("n1", "n2"));
        ChannelOpener fake = daemon.opener();
        AtomicInteger asked = new AtomicInteger();
        ChannelOpener opener = node -> {
            if (node.equals("n2")) { // the person cancels n2's password dialog
                asked.incrementAndGet();
                throw SshConnectException.cancelled("root@n2:22: login cancelled (no password given)", null);
            }
            return fake.open(node);
        };
        ClientConnections.get().add(new ClusterConnection(cluster, opener, settings()));
        Tree explorer = onUi(() -> find(window, UiIds.EXPLORER_TREE, Tree.class));
        clickMenu(explorer, ClusterExplorerView.CONNECT);
        waitUntil("connected to n1", 10_000, () -> explorerText(explorer).endsWith("\u2014 Connected to n1"));

        daemon.stopNode("n1");
        waitUntil("the reconnecting ends with the cancel", 10_000, () -> explorerText(explorer)
                .endsWith("\u2014 Disconnected: root@n2:22: login cancelled (no password given)"));
        Thread.sleep(3_000); // the next attempts would come after 1 s, 2 s... pauses
        assertEquals(1, asked.get(), "asked once, not again after each pause");
        String shown = onUi(() -> explorerText(explorer));
        assertTrue(shown.endsWith("login cancelled (no password given)"), shown);
    }

    @Test
    void twoClustersAreConnectedAtOnceAndEachIsShownWithItsOwnPicture() throws Exception {
        daemon = new FakeDaemon(Files.createDirectories(dir.resolve("first")), "n1", "n2");
        otherDaemon = new FakeDaemon(Files.createDirectories(dir.resolve("other")), "n1");
        ClusterDefinition first = addCluster(CLUSTER, List.of("n1", "n2"));
        ClientConnections.get().add(new ClusterConnection(first, daemon.opener(), settings()));
        ClusterDefinition other = addCluster(OTHER, List.of("n1"));
        ClientConnections.get().add(new ClusterConnection(other, otherDaemon.opener(), settings()));
        Tree explorer = onUi(() -> find(window, UiIds.EXPLORER_TREE, Tree.class));
        select(first);
        clickMenu(explorer, ClusterExplorerView.CONNECT);
        select(other);
        clickMenu(explorer, ClusterExplorerView.CONNECT);
        waitUntil("both clusters connected at once", 10_000, () -> connected(CLUSTER) && connected(OTHER));
        waitUntil("the explorer shows both connected", 5_000,
                () -> explorerText(explorer, CLUSTER).endsWith("\u2014 Connected to n1")
                        && explorerText(explorer, OTHER).endsWith("\u2014 Connected to n1"));

        // the other cluster is selected: its picture is shown, not the first's, though both stream
        daemon.publish(SampleReports.healthy(), "cib", "loaded");
        otherDaemon.publish(SampleReports.backup(), "cib", "loaded");
        waitUntil("the first cluster's picture has arrived", 5_000, () -> latest(CLUSTER) != null);
        waitUntil("the other cluster's picture is shown", 5_000, () -> headline().equals(OTHER + ": backup"));
        assertEquals(List.of("backup-node1", "backup-node2"), nodeNames());
        UiTestSupport.screenshot(window, "status-two-clusters-other");

        // an event of the first cluster, drawn nowhere while the other is shown: the view keeps its picture
        CountDownLatch heard = new CountDownLatch(1);
        ClusterListener listener = new ClusterListener() {
            @Override
            public void statusChanged(ClusterConnection connection, StatusReport report, ClusterEvent event) {
                if (connection.cluster().name().equals(CLUSTER) && "apache stopped".equals(event.text)) {
                    heard.countDown();
                }
            }
        };
        // added after the view's own listener, so the view has had the event when this one hears it
        ClientConnections.get().addListener(listener);
        try {
            daemon.publish(SampleReports.apacheStopped(), "resource", "apache stopped");
            assertTrue(heard.await(5, TimeUnit.SECONDS), "the first cluster's event arrived");
        } finally {
            ClientConnections.get().removeListener(listener);
        }
        assertEquals(OTHER + ": backup", headline(), "the view stays on the selected cluster");
        assertEquals(List.of("backup-node1", "backup-node2"), nodeNames());
        assertEquals(OTHER, onUi(() -> statusView().lastEventDrawn()).cluster(), "only the shown cluster is drawn");

        // selecting the first cluster shows its newest picture, received while it was not shown
        select(first);
        waitUntil("the first cluster's picture is shown", 5_000, () -> headline().equals(CLUSTER + ": demo"));
        assertEquals(List.of("node1", "node2", "node3"), nodeNames());
        Tree tree = resources();
        assertEquals("Stopped (disabled)", onUi(() -> tree.getItem(0).getItem(1).getText(2)));
        assertTrue(connected(CLUSTER) && connected(OTHER), "both clusters stay connected");
        UiTestSupport.screenshot(window, "status-two-clusters-first");
    }

    private static boolean connected(String cluster) {
        return ClientConnections.get().get(cluster).map(c -> c.state().isConnected()).orElse(false);
    }

    private static StatusReport latest(String cluster) {
        return ClientConnections.get().get(cluster).map(ClusterConnection::latest).orElse(null);
    }

    private String headline() {
        return onUi(() -> find(window, UiIds.STATUS_HEADLINE, Label.class).getText());
    }

    private List<String> nodeNames() {
        Table nodes = nodes();
        return onUi(() -> Stream.of(nodes.getItems()).map(item -> item.getText(0)).toList());
    }

    private static String explorerText(Tree explorer) {
        return explorerText(explorer, CLUSTER);
    }

    /** The explorer's line for a cluster: name, size, user and connection state. */
    private static String explorerText(Tree explorer, String cluster) {
        for (TreeItem item : explorer.getItems()) {
            if (item.getText().startsWith(cluster + "  (")) {
                return item.getText();
            }
        }
        return "";
    }
}
