package org.halyard.ui;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.halyard.ui.connection.ClusterConnection;
import org.halyard.ui.connection.ClusterListener;
import org.halyard.ui.connection.ConnectJob;
import org.halyard.ui.connection.ConnectionState;
import org.halyard.ui.connection.DisconnectJob;
import org.halyard.ui.status.DotImages;
import org.halyard.ui.status.StatusStyle;

/**
 * The clusters this client knows, each with its nodes and its connection state; the selection
 * drives the status view. Add, edit, remove, connect (also by double-click) and disconnect are
 * in the context menu; add, edit and remove also in the toolbar.
 */
public final class ClusterExplorerView extends ViewPart implements ClusterListener {

    public static final String ID = "org.halyard.ui.clusterExplorer";
    static final String EMPTY_TEXT = "No clusters yet.\n\nClick \u201cAdd Cluster\u2026\u201d in this view's toolbar and "
            + "enter the cluster's nodes (host[:port]), the SSH user and a private key file.";
    public static final String CONNECT = "Connect";
    /** System property naming clusters to connect to when the client opens. */
    public static final String CONNECT_PROPERTY = "halyard.connect";
    public static final String DISCONNECT = "Disconnect";
    public static final String ADD = "Add Cluster\u2026";
    public static final String EDIT = "Edit Cluster\u2026";
    public static final String REMOVE = "Remove Cluster";

    private final ClusterRegistry registry = ClusterRegistry.forWorkspace();
    private final Runnable refresher = this::refresh;
    private StackLayout stack;
    private Composite emptyPage;
    private TreeViewer viewer;
    private DotImages dots;

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

        dots = new DotImages(parent.getDisplay());
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setData(UiIds.KEY, UiIds.EXPLORER_TREE);
        viewer.setContentProvider(new ClusterContent());
        viewer.setLabelProvider(new ClusterLabels());
        viewer.addDoubleClickListener(e -> selectedCluster().ifPresent(this::connect));
        getSite().setSelectionProvider(viewer);

        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillContextMenu);
        viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));

        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(action(ADD, "Add a cluster: its nodes, the SSH user and key file", ISharedImages.IMG_OBJ_ADD,
                this::addCluster));
        toolbar.add(action(REMOVE, "Forget the selected cluster (nothing on the cluster changes)",
                ISharedImages.IMG_TOOL_DELETE, () -> selectedCluster().ifPresent(this::removeCluster)));

        registry.addListener(refresher);
        ClientConnections.get().addListener(this);
        refresh();
        connectAtStart();
    }

    /**
     * Clusters named in {@value #CONNECT_PROPERTY} (comma-separated) are selected and connected
     * as the client opens: the demo, or a desktop shortcut, starts it watching a cluster.
     */
    private void connectAtStart() {
        String names = System.getProperty(CONNECT_PROPERTY, "");
        for (String name : names.split(",")) {
            registry.clusters().stream().filter(c -> c.name().equals(name.strip())).findFirst().ifPresent(cluster -> {
                viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(cluster), true);
                connect(cluster);
            });
        }
    }

    private void fillContextMenu(IMenuManager menu) {
        Optional<ClusterDefinition> selected = selectedCluster();
        if (selected.isPresent()) {
            ClusterDefinition cluster = selected.get();
            boolean active = ClientConnections.get().get(cluster.name()).map(c -> c.state().isActive()).orElse(false);
            Action connect = action(CONNECT, "Connect to the cluster's nodes over SSH", null, () -> connect(cluster));
            connect.setEnabled(!active);
            Action disconnect = action(DISCONNECT, "Close the connection", null, () -> disconnect(cluster));
            disconnect.setEnabled(active);
            menu.add(connect);
            menu.add(disconnect);
            menu.add(new Separator());
            menu.add(action(EDIT, "Change the cluster's nodes, user or key file", null, () -> editCluster(cluster)));
            menu.add(action(REMOVE, "Forget the cluster", ISharedImages.IMG_TOOL_DELETE, () -> removeCluster(cluster)));
            menu.add(new Separator());
        }
        menu.add(action(ADD, "Add a cluster", ISharedImages.IMG_OBJ_ADD, this::addCluster));
    }

    private static Action action(String text, String tip, String image, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setToolTipText(tip);
        if (image != null) {
            action.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(image));
        }
        return action;
    }

    private Optional<ClusterDefinition> selectedCluster() {
        return ((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof ClusterDefinition c
                ? Optional.of(c) : Optional.empty();
    }

    /** Connects in a Job; several clusters may be connected at once. */
    public void connect(ClusterDefinition cluster) {
        ClusterConnection connection = ClientConnections.get().connectionFor(cluster);
        if (!connection.state().isActive()) {
            new ConnectJob(connection).schedule();
        }
    }

    public void disconnect(ClusterDefinition cluster) {
        ClientConnections.get().get(cluster.name()).ifPresent(c -> new DisconnectJob(c).schedule());
    }

    private void addCluster() {
        ClusterDialog dialog = new ClusterDialog(getSite().getShell(), registry, null);
        if (dialog.open() == Window.OK) {
            registry.put(dialog.result());
        }
    }

    /** Saves the edit; a connected cluster is reconnected with its new settings. */
    private void editCluster(ClusterDefinition cluster) {
        ClusterDialog dialog = new ClusterDialog(getSite().getShell(), registry, cluster);
        if (dialog.open() != Window.OK || dialog.result().equals(cluster)) {
            return;
        }
        ClusterDefinition edited = dialog.result();
        boolean wasActive = ClientConnections.get().get(cluster.name()).map(c -> c.state().isActive()).orElse(false);
        ClientConnections.get().remove(cluster.name());
        if (!edited.name().equals(cluster.name())) {
            registry.remove(cluster.name());
        }
        registry.put(edited);
        if (wasActive) {
            connect(edited);
        }
    }

    private void removeCluster(ClusterDefinition cluster) {
        if (MessageDialog.openConfirm(getSite().getShell(), REMOVE,
                "Forget cluster \u201c" + cluster.name() + "\u201d? The cluster itself is not touched.")) {
            ClientConnections.get().remove(cluster.name());
            registry.remove(cluster.name());
        }
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
    public void stateChanged(ClusterConnection connection, ConnectionState state) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.getControl().getDisplay().asyncExec(() -> {
            if (!viewer.getControl().isDisposed()) {
                registry.clusters().stream().filter(c -> c.name().equals(connection.cluster().name()))
                        .forEach(c -> viewer.update(c, null));
            }
        });
    }

    @Override
    public void setFocus() {
        stack.topControl.setFocus();
    }

    @Override
    public void dispose() {
        ClientConnections.get().removeListener(this);
        registry.removeListener(refresher);
        if (dots != null) {
            dots.dispose();
        }
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

    /** A cluster's line: name, size and user, then its connection state unless never connected. */
    private final class ClusterLabels extends LabelProvider {
        @Override
        public String getText(Object element) {
            if (!(element instanceof ClusterDefinition c)) {
                return String.valueOf(element);
            }
            String text = c.name() + "  (" + c.nodes().size() + (c.nodes().size() == 1 ? " node" : " nodes") + ", "
                    + c.user() + ")";
            ConnectionState state = state(c);
            return state.equals(ConnectionState.NEVER_CONNECTED) ? text : text + " \u2014 " + state.describe();
        }

        @Override
        public Image getImage(Object element) {
            if (element instanceof ClusterDefinition c) {
                return dots.get(colour(state(c)));
            }
            return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_ELEMENT);
        }

        private ConnectionState state(ClusterDefinition cluster) {
            return ClientConnections.get().get(cluster.name()).map(ClusterConnection::state)
                    .orElse(ConnectionState.NEVER_CONNECTED);
        }

        private RGB colour(ConnectionState state) {
            return switch (state.phase()) {
                case CONNECTED -> StatusStyle.RUNNING;
                case CONNECTING, RECONNECTING -> StatusStyle.TRANSITION;
                case NEVER_CONNECTED -> StatusStyle.STOPPED;
                case DISCONNECTED -> state.reason() == null ? StatusStyle.STOPPED : StatusStyle.FAILED;
            };
        }
    }
}
