package org.halyard.ui.properties;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.halyard.api.ApiException;
import org.halyard.cib.CibException;
import org.halyard.ui.ClientConnections;
import org.halyard.ui.StatusView;
import org.halyard.ui.UiIds;
import org.halyard.ui.connection.ClusterConnection;
import org.halyard.ui.status.SelectedResource;

/**
 * The configuration of the resource selected in the status view, read from the live CIB: its
 * parameters with the agent's defaults and descriptions, its meta attributes and operations. A
 * parameter or meta attribute edited here is sent as a new CIB based on the version shown; when
 * the daemon refuses (someone changed the CIB since), its message is shown as it is and the view
 * reads the CIB again. Network calls run in Jobs, widgets change on the UI thread only.
 */
public final class PropertyView extends ViewPart {

    public static final String ID = "org.halyard.ui.properties";
    /** Jobs of this view, for tests to wait on. */
    public static final Object FAMILY = PropertyView.class;
    public static final String NOTHING_SELECTED = "Select a resource in the Status view to see its configuration.";
    public static final String RELOAD = "Reload";
    /** The context-menu item of a parameter or meta attribute (double-click does the same). */
    public static final String EDIT = "Edit Value\u2026";

    private Label headline;
    private Label note;
    private PropertyTables tables;
    private final ISelectionListener selectionListener = this::selectionChanged;
    /** The cluster and resource shown or being read; null when none. */
    private String cluster;
    private String resource;
    /** What the tables show, and the base of a change; null while nothing is shown. */
    private PrimitiveProperties shown;
    /** Counts reads, so that only the answer to the latest one is shown. */
    private int generation;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout());
        headline = label(parent, UiIds.PROPERTIES_HEADLINE);
        note = label(parent, UiIds.PROPERTIES_NOTE);
        tables = new PropertyTables(parent, this::edit);
        tables.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Action reload = new Action(RELOAD) {
            @Override
            public void run() {
                reload();
            }
        };
        reload.setToolTipText("Read the resource's configuration from the cluster again");
        reload.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        getViewSite().getActionBars().getToolBarManager().add(reload);
        showNothing();
        var selections = getSite().getWorkbenchWindow().getSelectionService();
        selections.addSelectionListener(StatusView.ID, selectionListener);
        selectionChanged(null, selections.getSelection(StatusView.ID));
    }

    private static Label label(Composite parent, String id) {
        Label label = new Label(parent, SWT.WRAP);
        label.setData(UiIds.KEY, id);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return label;
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof SelectedResource selected) {
            if (!selected.cluster().equals(cluster) || !selected.row().id().equals(resource)) {
                load(selected.cluster(), selected.row().id());
            }
        } else if (selection == null || selection.isEmpty()) {
            showNothing();
        }
    }

    /** Reads the resource shown again (after a change, or when asked). */
    public void reload() {
        if (cluster != null) {
            load(cluster, resource);
        }
    }

    private void load(String clusterName, String rsc) {
        cluster = clusterName;
        resource = rsc;
        int reading = ++generation;
        headline.setText(rsc + " (" + clusterName + ")");
        note.setText("Reading the CIB\u2026");
        layout();
        Optional<ClusterConnection> connection = ClientConnections.get().get(clusterName);
        if (connection.isEmpty()) {
            showProblem("cluster \u201c" + clusterName + "\u201d is not connected");
            return;
        }
        schedule("Reading " + rsc + " from " + clusterName, () -> {
            try {
                PrimitiveProperties read = new CibAccess(connection.get()).load(rsc);
                onUi(reading, () -> show(read));
            } catch (ApiException | PropertiesException | CibException e) {
                onUi(reading, () -> showProblem(e.getMessage()));
            }
        });
    }

    private void show(PrimitiveProperties properties) {
        shown = properties;
        headline.setText(properties.resource() + " (" + properties.agent() + ") on " + cluster);
        note.setText("CIB " + properties.cibVersion() + (properties.note().isEmpty() ? "" : " \u2014 " + properties.note()));
        tables.show(properties);
        layout();
    }

    private void showProblem(String problem) {
        shown = null;
        note.setText(problem);
        tables.clear();
        layout();
    }

    private void showNothing() {
        cluster = null;
        resource = null;
        shown = null;
        generation++;
        headline.setText(NOTHING_SELECTED);
        note.setText("");
        tables.clear();
        layout();
    }

    /** Asks for the new value and sends the change based on the CIB shown. */
    private void edit(AttributeRow row) {
        PrimitiveProperties base = shown;
        if (base == null) {
            return;
        }
        String description = row.description().isEmpty() ? "" : row.description() + "\n\n";
        InputDialog dialog = new InputDialog(getSite().getShell(), editTitle(base.resource(), row.name()),
                description + "New value of \u201c" + row.name() + "\u201d" + (row.defaultValue() == null ? ""
                        : " (the agent's default: " + row.defaultValue() + ")") + ". The change is based on CIB "
                        + base.cibVersion() + " and refused if the cluster's CIB has changed since.",
                row.isSet() ? row.value() : "", null);
        if (dialog.open() != Window.OK || dialog.getValue().equals(row.value())) {
            return;
        }
        commit(base, new AttributeChange(base.resource(), row.kind(), row.name(), dialog.getValue()));
    }

    public static String editTitle(String rsc, String name) {
        return "Edit " + rsc + ": " + name;
    }

    /** The title of the dialog showing a refused change. */
    public static String refusedTitle(String rsc) {
        return "Change to " + rsc + " refused";
    }

    private void commit(PrimitiveProperties base, AttributeChange change) {
        String committedCluster = cluster;
        Optional<ClusterConnection> connection = ClientConnections.get().get(committedCluster);
        schedule("Changing " + change.describe(), () -> {
            try {
                String answer = connection.map(c -> new CibAccess(c).commit(base, change)).orElseThrow(
                        () -> new PropertiesException("cluster \u201c" + committedCluster + "\u201d is not connected"));
                afterCommit(committedCluster, base.resource(), () -> getViewSite().getActionBars()
                        .getStatusLineManager().setMessage(change.describe() + ": " + answer));
            } catch (ApiException | PropertiesException | CibException e) {
                afterCommit(committedCluster, base.resource(), () -> MessageDialog.openError(getSite().getShell(),
                        refusedTitle(base.resource()), e.getMessage()));
            }
        });
    }

    /**
     * Reports a change's outcome and reads the resource again, whatever was read meanwhile (a
     * refresh of the status view may have reselected it), unless another resource is shown now.
     */
    private void afterCommit(String committedCluster, String rsc, Runnable report) {
        if (headline.isDisposed()) {
            return;
        }
        headline.getDisplay().asyncExec(() -> {
            if (headline.isDisposed()) {
                return;
            }
            if (resource == null || committedCluster.equals(cluster) && rsc.equals(resource)) {
                load(committedCluster, rsc);
            }
            report.run();
        });
    }

    private void schedule(String name, Runnable work) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                work.run();
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.schedule();
    }

    /** Runs on the UI thread unless the view is gone or has started reading something else since. */
    private void onUi(int reading, Runnable work) {
        if (headline.isDisposed()) {
            return;
        }
        headline.getDisplay().asyncExec(() -> {
            if (!headline.isDisposed() && reading == generation) {
                work.run();
            }
        });
    }

    private void layout() {
        headline.getParent().layout(true, true);
    }

    @Override
    public void setFocus() {
        tables.control().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(StatusView.ID, selectionListener);
        super.dispose();
    }
}
