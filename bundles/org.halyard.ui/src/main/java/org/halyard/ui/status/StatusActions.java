package org.halyard.ui.status;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.dialogs.ListDialog;
import org.halyard.api.ApiClient;
import org.halyard.api.ApiException;
import org.halyard.api.Request;
import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.FailCount;
import org.halyard.api.StatusReport.FailedAction;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.ui.connection.ClusterConnection;

/**
 * The context menus of the status view: resource operations (start, stop, restart, move, unmove,
 * cleanup, promote, demote), node operations (standby, online, maintenance, ready) and a cleanup
 * of a failed action or fail count on its node. Each sends one request on the command channel in
 * a Job; the daemon's one-line answer goes to the status line, its refusal into an error dialog as
 * it is. Stop, restart, move and standby are confirmed first.
 */
public final class StatusActions {

    /** Where results are shown: the status line of the view. */
    @FunctionalInterface
    public interface ResultSink {
        void show(String message);
    }

    private final Supplier<ClusterConnection> connection;
    private final ResultSink results;

    public StatusActions(Supplier<ClusterConnection> connection, ResultSink results) {
        this.connection = connection;
        this.results = results;
    }

    public void attach(StatusPage page) {
        Tree resources = page.resources();
        Table nodes = page.nodes();
        Table failures = page.failures();
        Table failCounts = page.failCounts();
        attach(resources, menu -> fillResourceMenu(menu, resources));
        attach(nodes, menu -> fillNodeMenu(menu, nodes));
        attach(failures, menu -> fillFailureMenu(menu, failures));
        attach(failCounts, menu -> fillFailureMenu(menu, failCounts));
    }

    private static void attach(Control control, java.util.function.Consumer<IMenuManager> fill) {
        MenuManager manager = new MenuManager();
        manager.setRemoveAllWhenShown(true);
        manager.addMenuListener(fill::accept);
        control.setMenu(manager.createContextMenu(control));
        control.addDisposeListener(e -> manager.dispose());
    }

    private static Object selected(Item[] selection) {
        return selection.length == 1 ? selection[0].getData() : null;
    }

    private void fillResourceMenu(IMenuManager menu, Tree tree) {
        if (!(selected(tree.getSelection()) instanceof ResourceRow row)) {
            return;
        }
        String rsc = row.id();
        Shell shell = tree.getShell();
        menu.add(action("Start", () -> send(shell, "Start " + rsc, resource("start", rsc, null))));
        menu.add(action("Stop", () -> {
            if (MessageDialog.openConfirm(shell, "Stop " + rsc, "Stop resource \u201c" + rsc + "\u201d? "
                    + "It stays stopped (target-role Stopped) until it is started again.")) {
                send(shell, "Stop " + rsc, resource("stop", rsc, null));
            }
        }));
        menu.add(action("Restart", () -> {
            if (MessageDialog.openConfirm(shell, "Restart " + rsc, "Restart resource \u201c" + rsc + "\u201d? "
                    + "It is stopped, then started again: it is unavailable in between.")) {
                send(shell, "Restart " + rsc, resource("restart", rsc, null));
            }
        }));
        menu.add(new Separator());
        menu.add(action("Move to Node\u2026", () -> moveToNode(shell, rsc)));
        menu.add(action("Unmove", () -> send(shell, "Unmove " + rsc, resource("unmove", rsc, null))));
        menu.add(cleanup(shell, rsc, row.instanceNode()));
        if (row.promotable()) {
            // the daemon sets the clone's target-role: it acts on every instance, whichever row was clicked
            String clone = row.promotableId();
            menu.add(new Separator());
            menu.add(action("Promote " + clone, () -> send(shell, "Promote " + clone, resource("promote", clone, null))));
            menu.add(action("Demote " + clone, () -> send(shell, "Demote " + clone, resource("demote", clone, null))));
        }
    }

    /** A failed action or fail count belongs to one node: its cleanup is done there only. */
    private void fillFailureMenu(IMenuManager menu, Table table) {
        Object row = selected(table.getSelection());
        if (row instanceof FailedAction failure) {
            menu.add(cleanup(table.getShell(), configuredId(failure.resource), failure.node));
        } else if (row instanceof FailCount count) {
            menu.add(cleanup(table.getShell(), configuredId(count.resource), count.node));
        }
    }

    /** crm resource cleanup RSC [NODE]: on one node when the row is about one, else on all. */
    private Action cleanup(Shell shell, String rsc, String node) {
        String where = node == null ? " on all nodes" : " on " + node;
        return action(node == null ? "Cleanup on All Nodes" : "Cleanup on " + node,
                () -> send(shell, "Cleanup " + rsc + where, resource("cleanup", rsc, node)));
    }

    /** "state" for "state:1": a clone instance's history names it so, the daemon knows the configured id. */
    private static String configuredId(String rsc) {
        return rsc.replaceFirst(":[0-9]+$", "");
    }

    private void moveToNode(Shell shell, String rsc) {
        ClusterConnection current = connection.get();
        StatusReport report = current == null ? null : current.latest();
        if (report == null) {
            return;
        }
        List<String> candidates = report.nodes.stream().filter(n -> "online".equals(n.state)).map(n -> n.name).toList();
        ListDialog dialog = new ListDialog(shell);
        dialog.setTitle("Move " + rsc);
        dialog.setMessage("Move \u201c" + rsc + "\u201d to which node? (a location constraint is added; "
                + "\u201cUnmove\u201d removes it)");
        dialog.setContentProvider(ArrayContentProvider.getInstance());
        dialog.setLabelProvider(new LabelProvider());
        dialog.setInput(candidates);
        if (dialog.open() != Window.OK || dialog.getResult().length != 1) {
            return;
        }
        String node = (String) dialog.getResult()[0];
        if (MessageDialog.openConfirm(shell, "Move " + rsc, "Move \u201c" + rsc + "\u201d to " + node + "?")) {
            send(shell, "Move " + rsc + " to " + node, resource("move", rsc, node));
        }
    }

    private void fillNodeMenu(IMenuManager menu, Table table) {
        if (!(selected(table.getSelection()) instanceof NodeStatus node)) {
            return;
        }
        String name = node.name;
        Shell shell = table.getShell();
        menu.add(action("Standby", () -> {
            if (MessageDialog.openConfirm(shell, "Standby " + name, "Put " + name + " in standby? "
                    + "Its resources move to other nodes.")) {
                send(shell, "Standby " + name, node("standby", name));
            }
        }));
        menu.add(action("Online", () -> send(shell, "Online " + name, node("online", name))));
        menu.add(new Separator());
        menu.add(action("Maintenance", () -> send(shell, "Maintenance " + name, node("maintenance", name))));
        menu.add(action("Ready", () -> send(shell, "Ready " + name, node("ready", name))));
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    static Function<ApiClient, Request> resource(String action, String rsc, String node) {
        return client -> {
            Request request = client.request("resource").with("action", action).with("rsc", rsc);
            return node == null ? request : request.with("node", node);
        };
    }

    static Function<ApiClient, Request> node(String action, String node) {
        return client -> client.request("node").with("action", action).with("node", node);
    }

    /** Sends the request in a Job; the answer to the status line, a refusal into a dialog. */
    private void send(Shell shell, String title, Function<ApiClient, Request> request) {
        ClusterConnection target = connection.get();
        if (target == null) {
            return;
        }
        Job job = Job.create(title, monitor -> {
            try {
                String answer = target.call(request);
                shell.getDisplay().asyncExec(() -> results.show(title + ": " + answer));
            } catch (ApiException e) {
                shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        MessageDialog.openError(shell, title, e.getMessage());
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }
}
