package org.halyard.ui.connection;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Connects one cluster in the background with progress (each node tried is shown). A cluster no
 * node of which answers ends the job with an error naming every node's problem.
 */
public final class ConnectJob extends Job {

    public static final String PLUGIN_ID = "org.halyard.ui";
    /** Jobs of this family can be awaited together (tests, shutdown). */
    public static final Object FAMILY = ConnectJob.class;

    private final ClusterConnection connection;

    public ConnectJob(ClusterConnection connection) {
        super("Connecting to " + connection.cluster().name());
        this.connection = connection;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            connection.connect(monitor);
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (RuntimeException e) {
            return Status.error(e.getMessage(), e);
        }
    }

    @Override
    protected void canceling() {
        // a node that does not answer would otherwise hold the job for the whole SSH timeout
        connection.disconnect();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
