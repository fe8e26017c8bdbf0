package org.halyard.ui.tests;

import static org.halyard.ui.tests.UiTestSupport.clickMenu;
import static org.halyard.ui.tests.UiTestSupport.find;
import static org.halyard.ui.tests.UiTestSupport.onUi;
import static org.halyard.ui.tests.UiTestSupport.pressButton;
import static org.halyard.ui.tests.UiTestSupport.waitForShell;
import static org.halyard.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.halyard.ui.ClientConnections;
import org.halyard.ui.ClusterDefinition;
import org.halyard.ui.StatusView;
import org.halyard.ui.UiIds;
import org.halyard.ui.connection.ClusterConnection;
import org.halyard.ui.connection.ConnectionSettings;
import org.halyard.ui.properties.AttributeRow;
import org.halyard.ui.properties.PropertyView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The property view of the resource selected in the status view, against a fake daemon serving a
 * CIB and the Dummy agent's meta-data: what it shows, that an edit is sent as a CIB based on the
 * version shown, and that a refusal because the CIB changed meanwhile is shown as the daemon
 * worded it.
 */
class PropertyViewTest {

    private static final String CLUSTER = "ui-properties-cluster";

    private Shell window;
    private Path dir;
    private FakeDaemon daemon;

    @BeforeEach
    void openWindow() throws Exception {
        waitUntil("the workbench window is open", 30_000,
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        window = onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        dir = Files.createTempDirectory("halyard-ui-test");
        daemon = new FakeDaemon(dir, "n1");
    }

    @AfterEach
    void cleanUp() throws Exception {
        ClientConnections.get().remove(CLUSTER);
        daemon.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static IWorkbenchPage page() {
        return onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage());
    }

    private static List<String> texts(TableItem item, int columns) {
        return Stream.iterate(0, i -> i + 1).limit(columns).map(item::getText).toList();
    }

    private String note() {
        return onUi(() -> find(window, UiIds.PROPERTIES_NOTE, Label.class).getText());
    }

    private static void typeInto(Shell dialog, String value) {
        onUi(() -> firstText(dialog).setText(value));
    }

    private static Text firstText(Composite parent) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Text text) {
                return text;
            }
            if (child instanceof Composite composite && firstText(composite) != null) {
                return firstText(composite);
            }
        }
        return null;
    }

    @Test
    void theSelectedPrimitiveIsShownAndEditsAreSentOnTheVersionShown() throws Exception {
        onUi(() -> {
            if (page().findView(PropertyView.ID) == null) {
                page().showView(PropertyView.ID); // a workbench restored from before the view existed
            }
            return null;
        });
        ClusterDefinition cluster = new ClusterDefinition(CLUSTER, List.of("n1"), "root", "");
        ClusterConnection connection = ClientConnections.get().add(new ClusterConnection(cluster, daemon.opener(),
                new ConnectionSettings(dir.resolve("known_hosts"), Duration.ofSeconds(15), Duration.ofSeconds(30))));
        connection.connect(new NullProgressMonitor());
        onUi(() -> ((StatusView) page().findView(StatusView.ID)).show(cluster));
        daemon.publish(SampleReports.healthy(), "cib", "loaded");
        Tree tree = onUi(() -> find(window, UiIds.STATUS_RESOURCES, Tree.class));
        waitUntil("the status view shows the resources", 5_000, () -> tree.isVisible() && tree.getItemCount() == 3);
        Table parameters = onUi(() -> find(window, UiIds.PROPERTIES_PARAMETERS, Table.class));
        Table meta = onUi(() -> find(window, UiIds.PROPERTIES_META, Table.class));
        Table operations = onUi(() -> find(window, UiIds.PROPERTIES_OPERATIONS, Table.class));
        assertEquals(PropertyView.NOTHING_SELECTED,
                onUi(() -> find(window, UiIds.PROPERTIES_HEADLINE, Label.class).getText()));

        // the person selects db in the resource tree
        onUi(() -> {
            page().activate(page().findView(StatusView.ID));
            tree.setSelection(tree.getItem(1));
            tree.notifyListeners(SWT.Selection, new Event());
        });
        waitUntil("db's configuration is shown", 5_000, () -> parameters.getItemCount() == 2);
        onUi(() -> {
            assertEquals("db (ocf:heartbeat:Dummy) on " + CLUSTER,
                    find(window, UiIds.PROPERTIES_HEADLINE, Label.class).getText());
            assertEquals(List.of("state", "/run/db.state", ""), texts(parameters.getItem(0), 3));
            assertEquals(List.of("fake", "(default: dummy)", "required"), texts(parameters.getItem(1), 3));
            assertEquals("Location to store the resource state in.",
                    ((AttributeRow) parameters.getItem(0).getData()).description(), "the agent's description (tooltip)");
            assertEquals(List.of("resource-stickiness", "100"), texts(meta.getItem(0), 2));
            assertEquals(2, operations.getItemCount());
            assertEquals(List.of("monitor", "10s", "20s", ""), texts(operations.getItem(0), 4));
            assertEquals(List.of("start", "0", "30s", ""), texts(operations.getItem(1), 4));
        });
        assertEquals("CIB 0.12.0", note());
        assertTrue(daemon.requests().contains("agent-meta-data agent=ocf:heartbeat:Dummy"), daemon.requests().toString());
        UiTestSupport.screenshot(window, "properties-db");

        // an edit goes out as the whole CIB, based on the version shown
        onUi(() -> parameters.setSelection(0));
        clickMenu(parameters, PropertyView.EDIT);
        Shell edit = waitForShell(PropertyView.editTitle("db", "state"), 5_000);
        assertEquals("/run/db.state", onUi(() -> firstText(edit).getText()));
        typeInto(edit, "/srv/db.state");
        UiTestSupport.screenshot(edit, "properties-edit-dialog");
        pressButton(edit, "OK");
        waitUntil("the daemon got the change", 5_000, () -> daemon.requests().contains("cib-replace base=0.12.0"));
        String sent = daemon.lastReplacement();
        assertTrue(sent.contains("<nvpair id=\"db-instance_attributes-state\" name=\"state\" value=\"/srv/db.state\"/>"),
                sent);
        assertTrue(sent.contains("epoch=\"12\""), "the CIB sent keeps the version it was based on: " + sent);
        assertTrue(sent.contains("name=\"resource-stickiness\" value=\"100\""), "the rest of the CIB is kept: " + sent);
        waitUntil("the view reads the changed CIB", 5_000, () -> "CIB 0.13.0".equals(note()));
        assertEquals("/srv/db.state", onUi(() -> parameters.getItem(0).getText(1)));

        // someone else changes the CIB meanwhile: the daemon refuses, the view says so and reads it again
        daemon.changeCibElsewhere();
        onUi(() -> parameters.setSelection(1));
        clickMenu(parameters, PropertyView.EDIT);
        Shell second = waitForShell(PropertyView.editTitle("db", "fake"), 5_000);
        assertEquals("", onUi(() -> firstText(second).getText()), "an unset parameter starts empty, not as its default");
        typeInto(second, "changed");
        pressButton(second, "OK");
        Shell refused = waitForShell(PropertyView.refusedTitle("db"), 5_000);
        assertTrue(onUi(() -> UiTestSupport.allLabelText(refused)).contains(
                "the change was based on CIB 0.13.0 but the cluster is at 0.14.0: read the CIB again and redo the change"),
                onUi(() -> UiTestSupport.allLabelText(refused)));
        UiTestSupport.screenshot(refused, "properties-conflict");
        pressButton(refused, "OK");
        waitUntil("the view shows the cluster's CIB again", 5_000, () -> "CIB 0.14.0".equals(note()));
        assertEquals("(default: dummy)", onUi(() -> parameters.getItem(1).getText(1)), "the refused change is not shown");
        assertTrue(daemon.requests().contains("cib-replace base=0.13.0"), daemon.requests().toString());
        UiTestSupport.screenshot(window, "properties-after-conflict");
    }
}
