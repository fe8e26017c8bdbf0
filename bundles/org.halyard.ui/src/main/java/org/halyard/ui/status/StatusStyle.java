package org.halyard.ui.status;

import org.eclipse.swt.graphics.RGB;
import org.halyard.api.StatusReport.NodeStatus;
import org.halyard.api.StatusReport.ResourceStatus;

/** The colours of the status view, chosen by the state a row shows (as crm_mon's colour output does). */
public final class StatusStyle {

    public static final RGB RUNNING = new RGB(0, 128, 0);
    public static final RGB STOPPED = new RGB(128, 128, 128);
    public static final RGB FAILED = new RGB(200, 0, 0);
    public static final RGB STANDBY = new RGB(204, 122, 0);
    public static final RGB MAINTENANCE = new RGB(0, 90, 180);
    public static final RGB TRANSITION = new RGB(204, 122, 0);
    /** The background of a row that changed in the latest event, for a few seconds. */
    public static final RGB CHANGED = new RGB(255, 240, 150);

    private StatusStyle() {
    }

    public static RGB node(NodeStatus node) {
        return switch (String.valueOf(node.state)) {
            case "online" -> RUNNING;
            case "standby" -> STANDBY;
            case "maintenance" -> MAINTENANCE;
            case "unclean" -> FAILED;
            default -> STOPPED;
        };
    }

    /** A primitive's colour by role; a group's or clone's by its worst member; null: the default. */
    public static RGB resource(ResourceStatus resource) {
        if (!resource.members.isEmpty()) {
            return resource.members.stream().anyMatch(m -> FAILED.equals(resource(m))) ? FAILED : null;
        }
        String role = String.valueOf(resource.role);
        if (role.startsWith("FAILED")) {
            return FAILED;
        }
        return switch (role) {
            case "Started", "Promoted", "Unpromoted", "Master", "Slave" -> RUNNING;
            case "Stopped" -> STOPPED;
            case "Starting", "Stopping", "Promoting", "Demoting", "Migrating" -> TRANSITION;
            default -> null;
        };
    }

    public static boolean bold(ResourceStatus resource) {
        return "Promoted".equals(resource.role) || "Master".equals(resource.role);
    }

    /** The first column of a resource row, worded as crm_mon words it. */
    public static String title(ResourceStatus resource) {
        return switch (String.valueOf(resource.kind)) {
            case "group" -> "Resource Group: " + resource.id;
            case "clone" -> "Clone Set: " + resource.id;
            case "promotable" -> "Clone Set: " + resource.id + " [promotable]";
            case "bundle" -> "Container bundle: " + resource.id;
            default -> resource.id;
        };
    }

    /** The role column: the role, and what the admin asked for or switched off. */
    public static String role(ResourceStatus resource) {
        if (!resource.members.isEmpty() && resource.role == null) {
            return resource.managed ? "" : "(unmanaged)";
        }
        StringBuilder text = new StringBuilder(resource.role == null ? "" : resource.role);
        if ("Stopped".equals(resource.targetRole) && !"Stopped".equals(resource.role)) {
            text.append(" (target-role Stopped)");
        } else if ("Stopped".equals(resource.targetRole)) {
            text.append(" (disabled)");
        }
        if (!resource.managed) {
            text.append(" (unmanaged)");
        }
        return text.toString();
    }
}
