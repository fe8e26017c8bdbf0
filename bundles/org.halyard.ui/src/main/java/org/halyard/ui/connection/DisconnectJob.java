package org.halyard.ui.connection;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/** Closes a cluster's channels in the background (an SSH close can wait on a dead node). */
public final class DisconnectJob extends Job {

    private final ClusterConnection connection;

    public DisconnectJob(ClusterConnection connection) {
        super("Disconnecting from " + connection.cluster().name());
        this.connection = connection;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        connection.disconnect();
        monitor.done();
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == ConnectJob.FAMILY;
    }
}
