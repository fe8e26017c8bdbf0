package org.halyard.ui;

/** Stable widget ids (set with {@code Widget.setData(KEY, id)}) so UI tests find widgets without labels. */
public final class UiIds {
    public static final String KEY = "org.halyard.ui.id";
    public static final String EXPLORER_TREE = "explorer.tree";
    public static final String EXPLORER_EMPTY_HINT = "explorer.emptyHint";
    public static final String STATUS_HEADLINE = "status.headline";
    public static final String STATUS_DETAIL = "status.detail";
    public static final String STATUS_CONNECTION = "status.connection";
    public static final String STATUS_SECTIONS = "status.sections";
    public static final String STATUS_NODES = "status.nodes";
    public static final String STATUS_RESOURCES = "status.resources";
    public static final String STATUS_FAILURES = "status.failures";
    public static final String STATUS_FAIL_COUNTS = "status.failCounts";
    public static final String CLUSTER_NAME = "cluster.name";
    public static final String CLUSTER_NODES = "cluster.nodes";
    public static final String CLUSTER_USER = "cluster.user";
    public static final String CLUSTER_KEY_FILE = "cluster.keyFile";
    public static final String CLUSTER_COMMAND = "cluster.command";
    public static final String PROPERTIES_HEADLINE = "properties.headline";
    public static final String PROPERTIES_NOTE = "properties.note";
    public static final String PROPERTIES_PARAMETERS = "properties.parameters";
    public static final String PROPERTIES_META = "properties.meta";
    public static final String PROPERTIES_OPERATIONS = "properties.operations";

    private UiIds() {
    }
}
