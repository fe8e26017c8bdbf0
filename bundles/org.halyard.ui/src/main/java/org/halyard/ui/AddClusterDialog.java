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

/** Asks for a cluster's name, nodes, SSH user and key file; OK stays disabled while the input is invalid. */
final class AddClusterDialog extends TitleAreaDialog {

    private final ClusterRegistry registry;
    private Text name;
    private Text nodes;
    private Text user;
    private Text keyFile;
    private ClusterDefinition result;

    AddClusterDialog(Shell parent, ClusterRegistry registry) {
        super(parent);
        this.registry = registry;
    }

    ClusterDefinition result() {
        return result;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Add Cluster");
        setMessage("Nodes are reached over SSH. Only the key file's path is stored, never a password.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(3, false));
        name = field(form, "Name:", "");
        nodes = field(form, "Nodes:", "");
        nodes.setMessage("node1, node2:2222, [fd00::3]");
        user = field(form, "SSH user:", "root");
        keyFile = field(form, "Key file:", System.getProperty("user.home") + "/.ssh/id_ed25519");
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
        return area;
    }

    private Text field(Composite form, String label, String initial) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER | SWT.SINGLE);
        text.setText(initial);
        boolean withButton = label.startsWith("Key");
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
                    user.getText(), keyFile.getText());
            boolean exists = registry.clusters().stream().anyMatch(c -> c.name().equals(candidate.name()));
            setErrorMessage(exists ? "A cluster named \u201c" + candidate.name() + "\u201d exists already" : null);
            result = exists ? null : candidate;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            result = null;
        }
        ok.setEnabled(result != null);
    }
}
