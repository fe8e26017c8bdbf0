package org.halyard.ui;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * The crm_mon picture of the selected cluster. Until a cluster is connected it says what to do,
 * instead of showing an empty page.
 */
public final class StatusView extends ViewPart {

    public static final String ID = "org.halyard.ui.status";
    static final String NOT_CONNECTED = "Not connected";
    static final String HOW_TO_CONNECT = "To see a cluster's nodes and resources here, connect to it:\n"
            + "  1. In the Cluster Explorer, click \u201cAdd Cluster\u2026\u201d and enter its nodes (host[:port]),\n"
            + "     the SSH user and a private key file.\n"
            + "  2. Select the cluster there.";

    private Label headline;
    private Label detail;
    private Font headlineFont;
    private final ISelectionListener selectionListener = this::selectionChanged;

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
        detail = new Label(parent, SWT.WRAP);
        detail.setData(UiIds.KEY, UiIds.STATUS_DETAIL);
        detail.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        showNoCluster();
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(ClusterExplorerView.ID, selectionListener);
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof ClusterDefinition c) {
            headline.setText(c.name() + ": " + NOT_CONNECTED.toLowerCase());
            detail.setText("Nodes: " + String.join(", ", c.nodes()) + "\nSSH user: " + c.user()
                    + (c.keyFile().isEmpty() ? "" : "\nKey file: " + c.keyFile()));
        } else {
            showNoCluster();
        }
        headline.getParent().layout();
    }

    private void showNoCluster() {
        headline.setText(NOT_CONNECTED);
        detail.setText(HOW_TO_CONNECT);
    }

    @Override
    public void setFocus() {
        headline.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(ClusterExplorerView.ID, selectionListener);
        if (headlineFont != null) {
            headlineFont.dispose();
        }
        super.dispose();
    }
}
