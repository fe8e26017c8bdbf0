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
import org.halyard.ui.ClientConnections;
import org.halyard.ui.ClusterDefinition;
import org.halyard.ui.ClusterExplorerView;
import org.halyard.ui.ClusterRegistry;
import org.halyard.ui.StatusView;
import org.halyard.ui.UiIds;
import org.halyard.ui.connection.ClusterConnection;
import org.halyard.ui.connection.ConnectJob;
import org.halyard.ui.connection.ConnectionSettings;
import org.halyard.ui.status.StatusStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status view drawing the crm_mon picture: first fed reports directly through the connection
 * layer's listener interface, then live from a fake daemon through a real connection, with the
 * context-menu operations reaching the daemon.
 */
class StatusViewTest {

    private static final String CLUSTER = "ui-status-cluster";

    private Shell window;
    private Path dir;
    private FakeDaemon daemon;

    @BeforeEach
    void openWindow() throws Exception {
        waitUntil("the workbench window is open", 30_000,
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        window = onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        dir = Files.createTempDirectory("halyard-ui-test");
    }

    @AfterEach
    void cleanUp() throws Exception {
        ClientConnections.get().remove(CLUSTER);
        onUi(() -> ClusterRegistry.forWorkspace().remove(CLUSTER));
        if (daemon != null) {
            daemon.close();
        }
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

    private ClusterDefinition addCluster(List<String> nodes) {
        ClusterDefinition cluster = new ClusterDefinition(CLUSTER, nodes, "root", "");
        onUi(() -> ClusterRegistry.forWorkspace().put(cluster));
        onUi(() -> {
            ClusterExplorerView explorer = (ClusterExplorerView) page().findView(ClusterExplorerView.ID);
            page().activate(explorer);
            ((TreeViewer) explorer.getSite().getSelectionProvider()).setSelection(new StructuredSelection(cluster), true);
        });
        return cluster;
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
        ClusterDefinition cluster = addCluster(List.of("node1", "node2", "node3"));
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
        ClusterDefinition cluster = addCluster(List.of("n1", "n2"));
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

        // Stop asks first, then sends op "resource" action=stop rsc=db
        onUi(() -> tree.setSelection(tree.getItem(1)));
        clickMenu(tree, "Stop");
        pressButton(waitForShell("Stop db", 5_000), "OK");
        waitUntil("the daemon got the stop", 5_000, () -> daemon.requests().contains("resource stop rsc=db"));

        // a refusal is shown as the daemon worded it
        daemon.refuseNext("cannot restart db: the partition has no quorum");
        clickMenu(tree, "Restart");
        Shell error = waitForShell("Restart db", 5_000);
        assertTrue(onUi(() -> UiTestSupport.allLabelText(error)).contains("cannot restart db: the partition has no quorum"));
        UiTestSupport.screenshot(error, "status-operation-refused");
        pressButton(error, "OK");

        // promote applies to an instance of a promotable clone: the clone is named, with the instance's node
        onUi(() -> tree.setSelection(tree.getItem(2).getItem(1)));
        assertTrue(onUi(() -> UiTestSupport.menuTexts(tree)).contains("Promote"));
        clickMenu(tree, "Promote");
        waitUntil("the daemon got the promote", 5_000, () -> daemon.requests().contains("resource promote rsc=drbd node=node2"));

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

    private static String explorerText(Tree explorer) {
        for (TreeItem item : explorer.getItems()) {
            if (item.getText().startsWith(CLUSTER + "  (")) {
                return item.getText();
            }
        }
        return "";
    }
}
