package org.halyard.ui.tests;

import static org.halyard.ui.tests.UiTestSupport.clickMenu;
import static org.halyard.ui.tests.UiTestSupport.find;
import static org.halyard.ui.tests.UiTestSupport.onUi;
import static org.halyard.ui.tests.UiTestSupport.pressButton;
import static org.halyard.ui.tests.UiTestSupport.waitForShell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.halyard.ui.ClusterDefinition;
import org.halyard.ui.ClusterExplorerView;
import org.halyard.ui.ClusterRegistry;
import org.halyard.ui.UiIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding, editing and removing clusters through the explorer's context menu and dialogs. */
class ClusterExplorerTest {

    private static final String NAME = "ui-explorer-cluster";
    private static final String RENAMED = "ui-explorer-renamed";
    private static final String SUDO_BRIDGE = "sudo -n /opt/halyard/halyard api";

    private Shell window;
    private Tree tree;

    @BeforeEach
    void openWindow() throws Exception {
        UiTestSupport.waitUntil("the workbench window is open", 30_000,
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        window = onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        tree = onUi(() -> find(window, UiIds.EXPLORER_TREE, Tree.class));
    }

    @AfterEach
    void forgetClusters() {
        onUi(() -> {
            ClusterRegistry.forWorkspace().remove(NAME);
            ClusterRegistry.forWorkspace().remove(RENAMED);
        });
    }

    private static IWorkbenchPage page() {
        return onUi(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage());
    }

    private static Optional<ClusterDefinition> registered(String name) {
        return onUi(() -> ClusterRegistry.forWorkspace().clusters().stream().filter(c -> c.name().equals(name)).findFirst());
    }

    private static void select(String name) {
        onUi(() -> {
            ClusterExplorerView explorer = (ClusterExplorerView) page().findView(ClusterExplorerView.ID);
            page().activate(explorer);
            ((TreeViewer) explorer.getSite().getSelectionProvider())
                    .setSelection(new StructuredSelection(registered(name).orElseThrow()), true);
        });
    }

    private TreeItem item(String name) {
        return onUi(() -> {
            for (TreeItem item : tree.getItems()) {
                if (item.getText().startsWith(name + "  (")) {
                    return item;
                }
            }
            return null;
        });
    }

    private static void type(Shell dialog, String id, String text) {
        onUi(() -> find(dialog, id, Text.class).setText(text));
    }

    @Test
    void aClusterIsAddedEditedAndRemovedThroughTheContextMenu() throws Exception {
        // add: the dialog refuses a bad node address until it is fixed
        onUi(() -> ClusterRegistry.forWorkspace().put(new ClusterDefinition("ui-explorer-other", List.of("x"), "root", "")));
        UiTestSupport.waitUntil("the tree shows", 5_000, () -> tree.isVisible());
        clickMenu(tree, ClusterExplorerView.ADD);
        Shell dialog = waitForShell("Add Cluster", 5_000);
        type(dialog, UiIds.CLUSTER_NAME, NAME);
        type(dialog, UiIds.CLUSTER_NODES, "node1, node2:99999");
        assertFalse(onUi(() -> okButton(dialog).isEnabled()), "a port above 65535 is refused");
        type(dialog, UiIds.CLUSTER_NODES, "node1, node2:2222");
        type(dialog, UiIds.CLUSTER_USER, "admin");
        type(dialog, UiIds.CLUSTER_KEY_FILE, "");
        assertEquals("", onUi(() -> find(dialog, UiIds.CLUSTER_COMMAND, Text.class).getText()),
                "a new cluster uses the halyard subsystem");
        type(dialog, UiIds.CLUSTER_COMMAND, "  " + SUDO_BRIDGE + " ");
        assertTrue(onUi(() -> okButton(dialog).isEnabled()), "valid input enables OK");
        UiTestSupport.screenshot(dialog, "explorer-add-dialog");
        pressButton(dialog, "OK");
        UiTestSupport.waitUntil("the cluster is saved", 5_000, () -> registered(NAME).isPresent());
        assertEquals(new ClusterDefinition(NAME, List.of("node1", "node2:2222"), "admin", "", SUDO_BRIDGE),
                registered(NAME).get(), "the remote command is saved, trimmed");
        UiTestSupport.waitUntil("the cluster shows in the explorer", 5_000, () -> item(NAME) != null);
        assertEquals(NAME + "  (2 nodes, admin)", onUi(() -> item(NAME).getText()));

        // the context menu of a never-connected cluster
        select(NAME);
        List<String> menu = onUi(() -> UiTestSupport.menuTexts(tree));
        assertEquals(List.of(ClusterExplorerView.CONNECT, ClusterExplorerView.DISCONNECT, ClusterExplorerView.EDIT,
                ClusterExplorerView.REMOVE, ClusterExplorerView.ADD), menu);

        // edit: rename and a third node; the old name is gone
        clickMenu(tree, ClusterExplorerView.EDIT);
        Shell edit = waitForShell("Edit Cluster", 5_000);
        assertEquals("node1, node2:2222", onUi(() -> find(edit, UiIds.CLUSTER_NODES, Text.class).getText()));
        assertEquals(SUDO_BRIDGE, onUi(() -> find(edit, UiIds.CLUSTER_COMMAND, Text.class).getText()));
        type(edit, UiIds.CLUSTER_COMMAND, "");
        type(edit, UiIds.CLUSTER_NAME, "ui-explorer-other");
        assertFalse(onUi(() -> okButton(edit).isEnabled()), "the name of another cluster is refused");
        type(edit, UiIds.CLUSTER_NAME, RENAMED);
        type(edit, UiIds.CLUSTER_NODES, "node1 node2:2222 [fd00::3]:22");
        pressButton(edit, "OK");
        UiTestSupport.waitUntil("the edit is saved", 5_000, () -> registered(RENAMED).isPresent());
        assertEquals(List.of("node1", "node2:2222", "[fd00::3]:22"), registered(RENAMED).get().nodes());
        assertEquals("", registered(RENAMED).get().command(), "an emptied command means the subsystem again");
        assertTrue(registered(NAME).isEmpty(), "the old name is forgotten");
        UiTestSupport.waitUntil("the renamed cluster shows", 5_000, () -> item(RENAMED) != null && item(NAME) == null);
        assertEquals(3, onUi(() -> item(RENAMED).getItemCount()), "its nodes are listed under it");
        UiTestSupport.screenshot(window, "explorer-edited");

        // remove, after confirming
        select(RENAMED);
        clickMenu(tree, ClusterExplorerView.REMOVE);
        Shell confirm = waitForShell("Remove Cluster", 5_000);
        pressButton(confirm, "OK");
        UiTestSupport.waitUntil("the cluster is removed", 5_000, () -> registered(RENAMED).isEmpty());
        UiTestSupport.waitUntil("the explorer no longer shows it", 5_000, () -> item(RENAMED) == null);
        onUi(() -> ClusterRegistry.forWorkspace().remove("ui-explorer-other"));
        UiTestSupport.screenshot(window, "explorer-removed");
    }

    private static Button okButton(Shell dialog) {
        return findOk(dialog);
    }

    private static Button findOk(org.eclipse.swt.widgets.Composite parent) {
        for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
            if (child instanceof Button b && "OK".equals(b.getText().replace("&", ""))) {
                return b;
            }
            if (child instanceof org.eclipse.swt.widgets.Composite c) {
                Button inner = findOk(c);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
