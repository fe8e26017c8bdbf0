package org.halyard.ui.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.FailCount;
import org.halyard.api.StatusReport.FailedAction;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.api.StatusReport.ResourceStatus;
import org.halyard.ui.UiIds;

/**
 * The tables of the crm_mon picture: nodes, the resource tree, failed actions and fail counts.
 * Each report rebuilds them; rows that changed in it keep a highlight for {@link #HIGHLIGHT_MILLIS}.
 * Every item carries its row key ({@link #KEY}) and its model object as data.
 */
public final class StatusPage {

    public static final String KEY = "org.halyard.ui.status.rowKey";
    public static final int HIGHLIGHT_MILLIS = 3000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final SashForm sections;
    private final Table nodes;
    private final Tree resources;
    private final Table failures;
    private final Table failCounts;
    private final DotImages dots;
    private final Font bold;
    /** Row key -> until when (System.currentTimeMillis) it shows as changed. */
    private final Map<String, Long> highlightUntil = new HashMap<>();
    private final Map<String, Item> items = new HashMap<>();
    private StatusRows shownRows;
    /** The row counts the sections were last sized for. */
    private int[] fittedRows;

    public StatusPage(Composite parent) {
        sections = new SashForm(parent, SWT.VERTICAL);
        sections.setData(UiIds.KEY, UiIds.STATUS_SECTIONS);
        dots = new DotImages(parent.getDisplay());
        nodes = table(section("Nodes"), UiIds.STATUS_NODES, "Node", 200, "State", 200);
        Composite resourceSection = section("Resources");
        resources = new Tree(resourceSection, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        resources.setData(UiIds.KEY, UiIds.STATUS_RESOURCES);
        resources.setHeaderVisible(true);
        for (String[] column : new String[][] {{"Resource", "260"}, {"Agent", "200"}, {"Role", "170"}, {"Node", "140"}}) {
            TreeColumn c = new TreeColumn(resources, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        failures = table(section("Failed Resource Actions"), UiIds.STATUS_FAILURES, "Resource", 140, "Node", 110,
                "Operation", 140, "Result", 160, "Reason", 220, "Time", 150);
        failCounts = table(section("Fail Counts"), UiIds.STATUS_FAIL_COUNTS, "Resource", 140, "Node", 110,
                "Fail count", 90, "Migration threshold", 140);
        sections.setWeights(26, 44, 17, 13); // room for three nodes without scrolling
        FontData[] data = resources.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(parent.getDisplay(), data);
    }

    private Composite section(String title) {
        Group group = new Group(sections, SWT.NONE);
        group.setText(title);
        group.setLayout(new FillLayout());
        return group;
    }

    private static Table table(Composite parent, String id, Object... columns) {
        Table table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setData(UiIds.KEY, id);
        table.setHeaderVisible(true);
        for (int i = 0; i < columns.length; i += 2) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText((String) columns[i]);
            c.setWidth((Integer) columns[i + 1]);
        }
        return table;
    }

    public SashForm control() {
        return sections;
    }

    public Table nodes() {
        return nodes;
    }

    public Tree resources() {
        return resources;
    }

    public Table failures() {
        return failures;
    }

    public Table failCounts() {
        return failCounts;
    }

    /** Shows the report; rows that differ from the one shown before are highlighted for a while. */
    public void show(StatusReport report) {
        StatusRows rows = StatusRows.of(report);
        long until = System.currentTimeMillis() + HIGHLIGHT_MILLIS;
        if (shownRows != null) {
            StatusRows.changed(shownRows, rows).forEach(key -> highlightUntil.put(key, until));
        }
        shownRows = rows;
        items.clear();
        String selectedResource = selectedKey(resources.getSelection());
        String selectedNode = selectedKey(nodes.getSelection());
        resources.setRedraw(false);
        try {
            showNodes(report, selectedNode);
            resources.removeAll();
            addResources(null, report.resources, "", selectedResource);
            showFailures(report);
        } finally {
            resources.setRedraw(true);
        }
        fitSections();
        applyHighlights();
        if (!highlightUntil.isEmpty()) {
            sections.getDisplay().timerExec(HIGHLIGHT_MILLIS + 50, () -> {
                if (!sections.isDisposed()) {
                    applyHighlights();
                }
            });
        }
    }

    /**
     * Shares the height among the sections by what they hold, so every node and resource row is
     * in sight without scrolling where there is room (a scroll bar hidden by GTK until hovered
     * hides rows from a glance). Only when the row counts change: a sash the admin dragged stays.
     */
    private void fitSections() {
        int[] rows = {nodes.getItemCount(), visibleRows(resources.getItems()), failures.getItemCount(),
                failCounts.getItemCount()};
        if (java.util.Arrays.equals(rows, fittedRows)) {
            return;
        }
        fittedRows = rows;
        int[] weights = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            weights[i] = Math.max(rows[i], 1) + 2; // the group's title and the column headers
        }
        sections.setWeights(weights);
    }

    private static int visibleRows(TreeItem[] items) {
        int count = 0;
        for (TreeItem item : items) {
            count += 1 + (item.getExpanded() ? visibleRows(item.getItems()) : 0);
        }
        return count;
    }

    /** Forgets the shown report: the next one is drawn without highlights (another cluster, or none). */
    public void clear() {
        shownRows = null;
        fittedRows = null;
        highlightUntil.clear();
        items.clear();
        nodes.removeAll();
        resources.removeAll();
        failures.removeAll();
        failCounts.removeAll();
    }

    private static String selectedKey(Item[] selection) {
        return selection.length == 1 ? (String) selection[0].getData(KEY) : null;
    }

    private void showNodes(StatusReport report, String selected) {
        nodes.removeAll();
        for (NodeStatus node : report.nodes) {
            TableItem item = new TableItem(nodes, SWT.NONE);
            String state = String.valueOf(node.state) + (node.name.equals(report.dc) ? " (DC)" : "");
            item.setText(new String[] {node.name, state});
            RGB colour = StatusStyle.node(node);
            item.setForeground(1, new Color(colour));
            item.setImage(0, dots.get(colour));
            tag(item, StatusRows.nodeKey(node), node);
            if (item.getData(KEY).equals(selected)) {
                nodes.setSelection(item);
            }
        }
    }

    private void addResources(TreeItem parent, List<ResourceStatus> list, String parentKey, String selected) {
        List<String> keys = StatusRows.resourceKeys(list, parentKey);
        for (int i = 0; i < list.size(); i++) {
            ResourceStatus resource = list.get(i);
            TreeItem item = parent == null ? new TreeItem(resources, SWT.NONE) : new TreeItem(parent, SWT.NONE);
            item.setText(new String[] {StatusStyle.title(resource), resource.agent == null ? "" : resource.agent,
                    StatusStyle.role(resource), resource.node == null ? "" : resource.node});
            RGB colour = StatusStyle.resource(resource);
            if (colour != null) {
                item.setForeground(2, new Color(colour));
                item.setImage(0, dots.get(colour));
            }
            if (StatusStyle.bold(resource)) {
                item.setFont(bold);
            }
            tag(item, keys.get(i), new ResourceRow(resource, parent == null ? null : (ResourceRow) parent.getData()));
            addResources(item, resource.members, keys.get(i), selected);
            item.setExpanded(true);
            if (keys.get(i).equals(selected)) {
                resources.setSelection(item);
            }
        }
    }

    private void showFailures(StatusReport report) {
        failures.removeAll();
        for (FailedAction failure : report.failedActions) {
            TableItem item = new TableItem(failures, SWT.NONE);
            item.setText(new String[] {failure.resource, failure.node, failure.operation,
                    failure.rcText == null ? "rc=" + failure.rc : failure.rcText + " (rc=" + failure.rc + ")",
                    failure.exitReason == null ? "" : failure.exitReason,
                    failure.time <= 0 ? "" : TIME.format(Instant.ofEpochMilli(failure.time))});
            item.setForeground(new Color(StatusStyle.FAILED));
            tag(item, StatusRows.failureKey(failure), failure);
        }
        failCounts.removeAll();
        for (FailCount count : report.failCounts) {
            TableItem item = new TableItem(failCounts, SWT.NONE);
            item.setText(new String[] {count.resource, count.node, String.valueOf(count.count),
                    count.migrationThreshold <= 0 ? "" : String.valueOf(count.migrationThreshold)});
            tag(item, StatusRows.failCountKey(count), count);
        }
    }

    private void tag(Item item, String key, Object model) {
        item.setData(KEY, key);
        item.setData(model);
        items.put(key, item);
    }

    private void applyHighlights() {
        long now = System.currentTimeMillis();
        Color changed = new Color(StatusStyle.CHANGED);
        highlightUntil.entrySet().removeIf(entry -> {
            boolean expired = entry.getValue() <= now;
            Item item = items.get(entry.getKey());
            if (item != null && !item.isDisposed()) {
                Color background = expired ? null : changed;
                if (item instanceof TableItem t) {
                    t.setBackground(background);
                } else if (item instanceof TreeItem t) {
                    t.setBackground(background);
                }
            }
            return expired;
        });
    }

    public void dispose() {
        dots.dispose();
        bold.dispose();
    }
}
