package org.halyard.ui.tests;

import static org.halyard.ui.tests.UiTestSupport.find;
import static org.halyard.ui.tests.UiTestSupport.onUi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.halyard.ui.ClusterDefinition;
import org.halyard.ui.ClusterExplorerView;
import org.halyard.ui.ClusterRegistry;
import org.halyard.ui.StatusView;
import org.halyard.ui.UiIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's first screen: the Halyard window with its explorer and status views. */
class ClientWindowTest {

    private static final String CLUSTER = "ui-test-cluster";

    @AfterEach
    void forgetTestCluster() {
        onUi(() -> ClusterRegistry.forWorkspace().remove(CLUSTER));
    }

    private static IWorkbenchPage page() {
        return onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage());
    }

    @Test
    void windowIsTitledHalyardAndStatusViewSaysHowToConnect() throws Exception {
        UiTestSupport.waitUntil("the workbench window is open", 30_000,
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        Shell shell = onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        assertEquals("Halyard", onUi(shell::getText));
        assertNotNull(onUi(() -> page().findView(ClusterExplorerView.ID)), "cluster explorer open");
        assertNotNull(onUi(() -> page().findView(StatusView.ID)), "status view open");

        String headline = onUi(() -> find(shell, UiIds.STATUS_HEADLINE, Label.class).getText());
        String detail = onUi(() -> find(shell, UiIds.STATUS_DETAIL, Label.class).getText());
        assertEquals("Not connected", headline);
        assertTrue(detail.contains("Add Cluster"), detail);
        assertTrue(onUi(() -> find(shell, UiIds.EXPLORER_EMPTY_HINT, Label.class).isVisible()),
                "the explorer explains how to add a cluster while it has none");

        Path shot = UiTestSupport.screenshot(shell, "client-empty");
        assertTrue(Files.size(shot) > 1000, "screenshot written: " + shot);
    }

    @Test
    void addedClusterAppearsInExplorerAndSelectingItFillsStatusView() throws Exception {
        UiTestSupport.waitUntil("the workbench window is open", 30_000,
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        Shell shell = onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        onUi(() -> ClusterRegistry.forWorkspace()
                .put(new ClusterDefinition(CLUSTER, List.of("node1", "node2:2222"), "admin", "/home/admin/.ssh/id_ed25519")));

        Tree tree = onUi(() -> find(shell, UiIds.EXPLORER_TREE, Tree.class));
        UiTestSupport.waitUntil("the cluster shows in the explorer", 5_000,
                () -> tree.isVisible() && tree.getItemCount() == 1);
        assertEquals(CLUSTER + "  (2 nodes, admin)", onUi(() -> tree.getItem(0).getText()));
        assertEquals(2, onUi(() -> tree.getItem(0).getItemCount()), "nodes listed under the cluster");

        onUi(() -> {
            ClusterExplorerView explorer = (ClusterExplorerView) page().findView(ClusterExplorerView.ID);
            page().activate(explorer);
            TreeViewer viewer = (TreeViewer) explorer.getSite().getSelectionProvider();
            viewer.setSelection(new StructuredSelection(ClusterRegistry.forWorkspace().clusters().stream()
                    .filter(c -> c.name().equals(CLUSTER)).findFirst().orElseThrow()), true);
        });
        UiTestSupport.waitUntil("the status view follows the selection", 5_000,
                () -> find(shell, UiIds.STATUS_HEADLINE, Label.class).getText().startsWith(CLUSTER));
        assertEquals(CLUSTER + ": not connected", onUi(() -> find(shell, UiIds.STATUS_HEADLINE, Label.class).getText()));
        assertTrue(onUi(() -> find(shell, UiIds.STATUS_DETAIL, Label.class).getText()).contains("node1, node2:2222"));
        UiTestSupport.screenshot(shell, "client-cluster-selected");
    }
}
