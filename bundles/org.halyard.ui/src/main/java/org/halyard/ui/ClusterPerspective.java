package org.halyard.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.halyard.ui.properties.PropertyView;

/**
 * Cluster explorer on the left, the live status of the selected cluster filling the rest, and
 * below it the configuration of the resource selected there.
 */
public final class ClusterPerspective implements IPerspectiveFactory {

    public static final String ID = "org.halyard.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editorArea = layout.getEditorArea();
        layout.addStandaloneView(ClusterExplorerView.ID, true, IPageLayout.LEFT, 0.28f, editorArea);
        layout.addStandaloneView(StatusView.ID, true, IPageLayout.RIGHT, 0.72f, editorArea);
        layout.addStandaloneView(PropertyView.ID, true, IPageLayout.BOTTOM, 0.8f, StatusView.ID);
        layout.getViewLayout(ClusterExplorerView.ID).setCloseable(false);
        layout.getViewLayout(StatusView.ID).setCloseable(false);
    }
}
