package org.halyard.ui;

/** Stable widget ids (set with {@code Widget.setData(KEY, id)}) so UI tests find widgets without labels. */
public final class UiIds {
    public static final String KEY = "org.halyard.ui.id";
    public static final String EXPLORER_TREE = "explorer.tree";
    public static final String EXPLORER_EMPTY_HINT = "explorer.emptyHint";
    public static final String STATUS_HEADLINE = "status.headline";
    public static final String STATUS_DETAIL = "status.detail";

    private UiIds() {
    }
}
