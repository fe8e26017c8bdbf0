package org.halyard.ui.properties;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.halyard.ui.UiIds;

/**
 * The three tables of the property view: parameters (name, value or the agent's default,
 * required, the agent's description as tooltip), meta attributes, and operations. A parameter or
 * meta attribute is edited by double-click or its context menu; what editing means is the
 * view's business.
 */
final class PropertyTables {

    private final SashForm sections;
    private final TableViewer parameters;
    private final TableViewer meta;
    private final TableViewer operations;

    PropertyTables(Composite parent, Consumer<AttributeRow> edit) {
        sections = new SashForm(parent, SWT.VERTICAL);
        parameters = attributes(section("Parameters (instance attributes)"), UiIds.PROPERTIES_PARAMETERS, edit, true);
        meta = attributes(section("Meta Attributes"), UiIds.PROPERTIES_META, edit, false);
        operations = viewer(section("Operations"), UiIds.PROPERTIES_OPERATIONS);
        column(operations, "Operation", 140, OperationRow.class, OperationRow::name, null);
        column(operations, "Interval", 100, OperationRow.class, OperationRow::interval, null);
        column(operations, "Timeout", 100, OperationRow.class, OperationRow::timeout, null);
        column(operations, "Role", 120, OperationRow.class, OperationRow::role, null);
        sections.setWeights(50, 25, 25);
    }

    SashForm control() {
        return sections;
    }

    void show(PrimitiveProperties properties) {
        parameters.setInput(properties.parameters());
        meta.setInput(properties.meta());
        operations.setInput(properties.operations());
    }

    void clear() {
        parameters.setInput(List.of());
        meta.setInput(List.of());
        operations.setInput(List.of());
    }

    private Composite section(String title) {
        Group group = new Group(sections, SWT.NONE);
        group.setText(title);
        group.setLayout(new FillLayout());
        return group;
    }

    private static TableViewer viewer(Composite parent, String id) {
        TableViewer viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setData(UiIds.KEY, id);
        viewer.getTable().setHeaderVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        ColumnViewerToolTipSupport.enableFor(viewer);
        return viewer;
    }

    private static TableViewer attributes(Composite parent, String id, Consumer<AttributeRow> edit,
            boolean withAgentColumns) {
        TableViewer viewer = viewer(parent, id);
        column(viewer, "Name", 180, AttributeRow.class, AttributeRow::name, AttributeRow::description);
        column(viewer, "Value", 280, AttributeRow.class, AttributeRow::shownValue, AttributeRow::description);
        if (withAgentColumns) {
            column(viewer, "Required", 80, AttributeRow.class, r -> r.required() ? "required" : "",
                    AttributeRow::description);
        }
        viewer.addDoubleClickListener(e -> selected(viewer, edit));
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof AttributeRow) {
                m.add(new Action(PropertyView.EDIT) {
                    @Override
                    public void run() {
                        selected(viewer, edit);
                    }
                });
            }
        });
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
        viewer.getTable().addDisposeListener(e -> menu.dispose());
        return viewer;
    }

    private static void selected(TableViewer viewer, Consumer<AttributeRow> edit) {
        IStructuredSelection selection = viewer.getStructuredSelection();
        if (selection.getFirstElement() instanceof AttributeRow row) {
            edit.accept(row);
        }
    }

    private static <T> void column(TableViewer viewer, String title, int width, Class<T> type, Function<T, String> text,
            Function<T, String> tooltip) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return type.isInstance(element) ? text.apply(type.cast(element)) : "";
            }

            @Override
            public String getToolTipText(Object element) {
                if (tooltip == null || !type.isInstance(element)) {
                    return null;
                }
                String tip = tooltip.apply(type.cast(element));
                return tip == null || tip.isEmpty() ? null : tip;
            }
        });
    }
}
