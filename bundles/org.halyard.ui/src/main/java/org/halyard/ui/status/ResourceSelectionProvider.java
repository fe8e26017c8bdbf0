package org.halyard.ui.status;

import java.util.function.Supplier;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The resource tree's selection for the workbench: a {@link SelectedResource} when one resource
 * row is selected, else empty. The tree is a plain SWT tree rebuilt on every report, so the
 * selection is read from it when asked rather than kept.
 */
public final class ResourceSelectionProvider implements ISelectionProvider {

    private final Tree tree;
    private final Supplier<String> cluster;
    private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();

    /** @param cluster the name of the cluster the tree shows, or null when it shows none */
    public ResourceSelectionProvider(Tree tree, Supplier<String> cluster) {
        this.tree = tree;
        this.cluster = cluster;
        tree.addListener(SWT.Selection, e -> fireSelectionChanged());
    }

    @Override
    public ISelection getSelection() {
        String name = cluster.get();
        TreeItem[] selected = tree.isDisposed() ? new TreeItem[0] : tree.getSelection();
        if (name == null || selected.length != 1 || !(selected[0].getData() instanceof ResourceRow row)) {
            return StructuredSelection.EMPTY;
        }
        return new StructuredSelection(new SelectedResource(name, row));
    }

    /** The tree can only be selected by the person, or by the view keeping the same row selected. */
    @Override
    public void setSelection(ISelection selection) {
        fireSelectionChanged();
    }

    /** Tells listeners the selection may be another now (another cluster shown, tree cleared). */
    public void fireSelectionChanged() {
        SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
        for (ISelectionChangedListener listener : listeners) {
            listener.selectionChanged(event);
        }
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }
}
