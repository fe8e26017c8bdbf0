package org.halyard.ui;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

/** The clusters this client knows, each with its nodes; the selection drives the status view. */
public final class ClusterExplorerView extends ViewPart {

    public static final String ID = "org.halyard.ui.clusterExplorer";
    static final String EMPTY_TEXT = "No clusters yet.\n\nClick \u201cAdd Cluster\u2026\u201d in this view's toolbar and "
            + "enter the cluster's nodes (host[:port]), the SSH user and a private key file.";

    private final ClusterRegistry registry = ClusterRegistry.forWorkspace();
    private final Runnable refresher = this::refresh;
    private StackLayout stack;
    private Composite emptyPage;
    private TreeViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        stack = new StackLayout();
        parent.setLayout(stack);
        emptyPage = new Composite(parent, SWT.NONE);
        emptyPage.setLayout(new GridLayout());
        Label hint = new Label(emptyPage, SWT.WRAP);
        hint.setText(EMPTY_TEXT);
        hint.setData(UiIds.KEY, UiIds.EXPLORER_EMPTY_HINT);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setData(UiIds.KEY, UiIds.EXPLORER_TREE);
        viewer.setContentProvider(new ClusterContent());
        viewer.setLabelProvider(new ClusterLabels());
        getSite().setSelectionProvider(viewer);

        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new AddClusterAction());
        toolbar.add(new RemoveClusterAction());

        registry.addListener(refresher);
        refresh();
    }

    private void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<ClusterDefinition> clusters = registry.clusters();
        viewer.setInput(clusters);
        viewer.expandAll();
        stack.topControl = clusters.isEmpty() ? emptyPage : viewer.getControl();
        viewer.getControl().getParent().layout();
    }

    @Override
    public void setFocus() {
        stack.topControl.setFocus();
    }

    @Override
    public void dispose() {
        registry.removeListener(refresher);
        super.dispose();
    }

    private static final class ClusterContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof ClusterDefinition c ? c.nodes().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof ClusterDefinition;
        }
    }

    private static final class ClusterLabels extends LabelProvider {
        @Override
        public String getText(Object element) {
            return element instanceof ClusterDefinition c
                    ? c.name() + "  (" + c.nodes().size() + (c.nodes().size() == 1 ? " node" : " nodes") + ", " + c.user() + ")"
                    : String.valueOf(element);
        }

        @Override
        public org.eclipse.swt.graphics.Image getImage(Object element) {
            String key = element instanceof ClusterDefinition ? ISharedImages.IMG_OBJ_FOLDER : ISharedImages.IMG_OBJ_ELEMENT;
            return PlatformUI.getWorkbench().getSharedImages().getImage(key);
        }
    }

    private final class AddClusterAction extends Action {
        AddClusterAction() {
            super("Add Cluster\u2026");
            setToolTipText("Add a cluster: its nodes, the SSH user and key file");
            setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
        }

        @Override
        public void run() {
            AddClusterDialog dialog = new AddClusterDialog(getSite().getShell(), registry);
            if (dialog.open() == Window.OK) {
                registry.put(dialog.result());
            }
        }
    }

    private final class RemoveClusterAction extends Action {
        RemoveClusterAction() {
            super("Remove Cluster");
            setToolTipText("Forget the selected cluster (nothing on the cluster changes)");
            setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
        }

        @Override
        public void run() {
            if (((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof ClusterDefinition c
                    && MessageDialog.openConfirm(getSite().getShell(), "Remove Cluster",
                            "Forget cluster \u201c" + c.name() + "\u201d? The cluster itself is not touched.")) {
                registry.remove(c.name());
            }
        }
    }
}
