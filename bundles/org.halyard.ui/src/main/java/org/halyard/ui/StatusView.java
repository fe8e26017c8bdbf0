package org.halyard.ui;

import java.util.Optional;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.halyard.api.ClusterEvent;
import org.halyard.api.StatusReport;
import org.halyard.ui.connection.ClusterConnection;
import org.halyard.ui.connection.ClusterListener;
import org.halyard.ui.connection.ConnectionState;
import org.halyard.ui.status.ResourceSelectionProvider;
import org.halyard.ui.status.StatusActions;
import org.halyard.ui.status.StatusPage;
import org.halyard.ui.status.StatusSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crm_mon picture of the cluster selected in the explorer, live from its event stream. Until
 * the cluster is connected it says what to do instead of showing an empty page. Connection
 * events arrive on the connection's thread and are handed to the UI thread here. The selected
 * resource row is the view's selection ({@link org.halyard.ui.status.SelectedResource}). How long
 * after the daemon stamped an event the view showed it is logged at debug level and kept
 * ({@link #lastEventDrawn()}).
 */
public final class StatusView extends ViewPart implements ClusterListener {

    private static final Logger LOG = LoggerFactory.getLogger(StatusView.class);

    public static final String ID = "org.halyard.ui.status";
    static final String NOT_CONNECTED = "Not connected";
    static final String HOW_TO_CONNECT = "To see a cluster's nodes and resources here, connect to it:\n"
            + "  1. In the Cluster Explorer, click \u201cAdd Cluster\u2026\u201d and enter its nodes (host[:port]),\n"
            + "     the SSH user and a private key file.\n"
            + "  2. Double-click the cluster there (or choose \u201cConnect\u201d in its context menu).";

    private Label headline;
    private Label connection;
    private Label detail;
    private Font headlineFont;
    private StatusPage page;
    /** The cluster shown; its connection is looked up when events arrive, so a new one is followed. */
    private ClusterDefinition shown;
    private final ISelectionListener selectionListener = this::selectionChanged;
    /** The selected resource row, for the property view. */
    private ResourceSelectionProvider selection;
    private DrawnEvent lastDrawn;

    /**
     * A cluster event the view drew, and how many milliseconds passed from the daemon's timestamp
     * on it until the view's widgets held its picture (the window system paints them on its next
     * frame). The daemon's clock is compared with this client's: meaningful on one host, or on
     * clocks kept in step.
     */
    public record DrawnEvent(String cluster, ClusterEvent event, long millis) {
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout());
        headline = new Label(parent, SWT.NONE);
        headline.setData(UiIds.KEY, UiIds.STATUS_HEADLINE);
        FontData[] data = headline.getFont().getFontData();
        for (FontData d : data) {
            d.setHeight(d.getHeight() + 4);
            d.setStyle(SWT.BOLD);
        }
        headlineFont = new Font(parent.getDisplay(), data);
        headline.setFont(headlineFont);
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        connection = new Label(parent, SWT.NONE);
        connection.setData(UiIds.KEY, UiIds.STATUS_CONNECTION);
        connection.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        detail = new Label(parent, SWT.WRAP);
        detail.setData(UiIds.KEY, UiIds.STATUS_DETAIL);
        detail.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        page = new StatusPage(parent);
        page.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new StatusActions(this::shownConnection, this::showResult).attach(page);
        selection = new ResourceSelectionProvider(page.resources(), () -> shown == null ? null : shown.name());
        getSite().setSelectionProvider(selection);
        showNoCluster();
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(ClusterExplorerView.ID, selectionListener);
        ClientConnections.get().addListener(this);
    }

    private ClusterConnection shownConnection() {
        return shown == null ? null : ClientConnections.get().get(shown.name()).orElse(null);
    }

    private void showResult(String message) {
        getViewSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof ClusterDefinition c) {
            show(c);
        } else if ((selection == null || selection.isEmpty()) && shown != null && ClusterRegistry.forWorkspace()
                .clusters().stream().noneMatch(c -> c.name().equals(shown.name()))) {
            showNoCluster(); // the shown cluster was removed; a mere refresh of the explorer keeps it
        }
    }

    /** Shows this cluster: its live picture when connected, else its settings and how to connect. */
    public void show(ClusterDefinition cluster) {
        boolean another = !cluster.equals(shown);
        if (another) {
            page.clear();
        }
        shown = cluster;
        if (another) {
            selection.fireSelectionChanged();
        }
        Optional<ClusterConnection> live = ClientConnections.get().get(cluster.name());
        StatusReport report = live.map(ClusterConnection::latest).orElse(null);
        ConnectionState state = live.map(ClusterConnection::state).orElse(ConnectionState.NEVER_CONNECTED);
        if (report != null) {
            render(cluster, report, state);
        } else {
            headline.setText(cluster.name() + ": " + (state.isActive() ? state.describe() : NOT_CONNECTED.toLowerCase()));
            connection.setText(state.describe());
            detail.setText("Nodes: " + String.join(", ", cluster.nodes()) + "\nSSH user: " + cluster.user()
                    + (cluster.keyFile().isEmpty() ? "\nLogin: SSH agent or password" : "\nKey file: " + cluster.keyFile())
                    + (cluster.command().isEmpty() ? "" : "\nRemote command: " + cluster.command()));
            setPageVisible(false);
        }
        headline.getParent().layout(true, true);
    }

    private void render(ClusterDefinition cluster, StatusReport report, ConnectionState state) {
        headline.setText(cluster.name() + ": " + StatusSummary.headline(report));
        connection.setText(state.describe());
        detail.setText(StatusSummary.text(report));
        setPageVisible(true);
        page.show(report);
    }

    private void setPageVisible(boolean visible) {
        Control control = page.control();
        control.setVisible(visible);
        ((GridData) control.getLayoutData()).exclude = !visible;
    }

    private void showNoCluster() {
        shown = null;
        page.clear();
        selection.fireSelectionChanged();
        headline.setText(NOT_CONNECTED);
        connection.setText("");
        detail.setText(HOW_TO_CONNECT);
        setPageVisible(false);
    }

    @Override
    public void stateChanged(ClusterConnection source, ConnectionState state) {
        onUi(() -> {
            if (shown == null && state.isConnected()) {
                show(source.cluster()); // the first cluster connected fills an empty view
            } else if (shown != null && shown.name().equals(source.cluster().name())) {
                connection.setText(state.describe());
                if (source.latest() == null) {
                    show(shown);
                }
                connection.getParent().layout(true, true);
            }
        });
    }

    @Override
    public void statusChanged(ClusterConnection source, StatusReport report, ClusterEvent event) {
        onUi(() -> {
            if (shown == null) {
                shown = source.cluster();
            }
            if (shown.name().equals(source.cluster().name())) {
                render(shown, report, source.state());
                headline.getParent().layout(true, true);
                lastDrawn = new DrawnEvent(shown.name(), event, System.currentTimeMillis() - event.time);
                LOG.debug("{}: event {} drawn {} ms after the daemon stamped it", shown.name(), event,
                        lastDrawn.millis());
            }
        });
    }

    /**
     * The last event drawn from a cluster's stream, with its event-to-view latency; null before
     * the first. For tests and diagnostics; read it on the UI thread, which draws.
     */
    public DrawnEvent lastEventDrawn() {
        return lastDrawn;
    }

    private void onUi(Runnable work) {
        if (headline == null || headline.isDisposed()) {
            return;
        }
        headline.getDisplay().asyncExec(() -> {
            if (!headline.isDisposed()) {
                work.run();
            }
        });
    }

    @Override
    public void setFocus() {
        headline.setFocus();
    }

    @Override
    public void dispose() {
        ClientConnections.get().removeListener(this);
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(ClusterExplorerView.ID, selectionListener);
        if (headlineFont != null) {
            headlineFont.dispose();
        }
        if (page != null) {
            page.dispose();
        }
        super.dispose();
    }
}
