package org.halyard.ui;

import java.util.Arrays;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for a cluster's name, nodes, SSH user, key file and remote command (for OpenSSH nodes), for
 * a new cluster or to edit one; OK
 * stays disabled while the input is invalid or the name belongs to another cluster.
 */
final class ClusterDialog extends TitleAreaDialog {

    static final String ADD_TITLE = "Add Cluster";
    static final String EDIT_TITLE = "Edit Cluster";

    private final ClusterRegistry registry;
    /** The cluster being edited, or null when adding one. */
    private final ClusterDefinition original;
    private Text name;
    private Text nodes;
    private Text user;
    private Text keyFile;
    private Text command;
    private ClusterDefinition result;

    ClusterDialog(Shell parent, ClusterRegistry registry, ClusterDefinition original) {
        super(parent);
        this.registry = registry;
        this.original = original;
    }

    ClusterDefinition result() {
        return result;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(original == null ? ADD_TITLE : EDIT_TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(original == null ? ADD_TITLE : EDIT_TITLE + " \u201c" + original.name() + "\u201d");
        setMessage("Nodes are reached over SSH, tried in this order. Leave the key file empty to log in with "
                + "the SSH agent or a password; a password is never stored.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(3, false));
        name = field(form, "Name:", original == null ? "" : original.name(), UiIds.CLUSTER_NAME, false);
        nodes = field(form, "Nodes:", original == null ? "" : String.join(", ", original.nodes()), UiIds.CLUSTER_NODES,
                false);
        nodes.setMessage("node1, node2:2222, [fd00::3]");
        user = field(form, "SSH user:", original == null ? "root" : original.user(), UiIds.CLUSTER_USER, false);
        keyFile = field(form, "Key file:", original == null ? System.getProperty("user.home") + "/.ssh/id_ed25519"
                : original.keyFile(), UiIds.CLUSTER_KEY_FILE, true);
        keyFile.setMessage("empty: SSH agent or password");
        Button browse = new Button(form, SWT.PUSH);
        browse.setText("Browse\u2026");
        browse.addListener(SWT.Selection, e -> {
            FileDialog files = new FileDialog(getShell(), SWT.OPEN);
            files.setFilterPath(System.getProperty("user.home") + "/.ssh");
            String chosen = files.open();
            if (chosen != null) {
                keyFile.setText(chosen);
            }
        });
        command = field(form, "Remote command:", original == null ? "" : original.command(), UiIds.CLUSTER_COMMAND,
                false);
        command.setMessage("empty: SSH subsystem \u2018halyard\u2019");
        command.setToolTipText("For nodes running OpenSSH instead of halyardd's SSH server: the command that bridges "
                + "to the local daemon, e.g. sudo -n /opt/halyard/halyard api");
        return area;
    }

    private Text field(Composite form, String label, String initial, String id, boolean withButton) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER | SWT.SINGLE);
        text.setText(initial);
        text.setData(UiIds.KEY, id);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, withButton ? 1 : 2, 1));
        text.addListener(SWT.Modify, e -> validate());
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null) {
            return;
        }
        try {
            ClusterDefinition candidate = new ClusterDefinition(name.getText().strip(),
                    Arrays.stream(nodes.getText().split("[,\\s]+")).filter(s -> !s.isBlank()).toList(),
                    user.getText(), keyFile.getText(), command.getText());
            boolean renamed = original == null || !original.name().equals(candidate.name());
            boolean exists = renamed && registry.clusters().stream().anyMatch(c -> c.name().equals(candidate.name()));
            setErrorMessage(exists ? "A cluster named \u201c" + candidate.name() + "\u201d exists already" : null);
            result = exists ? null : candidate;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            result = null;
        }
        ok.setEnabled(result != null);
    }
}
