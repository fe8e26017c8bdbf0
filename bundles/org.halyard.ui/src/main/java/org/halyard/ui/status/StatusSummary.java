package org.halyard.ui.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.halyard.api.StatusReport;
import org.halyard.api.StatusReport.ResourceStatus;

/** crm_mon's "Cluster Summary" of a report, line by line, in crm_mon's words. */
public final class StatusSummary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private StatusSummary() {
    }

    public static String headline(StatusReport report) {
        return (report.cluster == null ? "Cluster" : report.cluster) + (report.quorate ? "" : " \u2014 WITHOUT quorum");
    }

    public static List<String> lines(StatusReport report) {
        return List.of(
                "Stack: " + orNone(report.stack),
                "Current DC: " + (report.dc == null ? "NONE" : report.dc)
                        + (report.quorate ? " - partition with quorum" : " - partition WITHOUT quorum")
                        + " (" + report.votes + " of " + report.expectedVotes + " expected votes)",
                "Last change: " + (report.lastChange <= 0 ? "unknown" : TIME.format(Instant.ofEpochMilli(report.lastChange)))
                        + (report.transitionBusy ? " (transition in progress)" : ""),
                "CIB version: " + orNone(report.cibVersion)
                        + (report.reportedBy == null ? "" : ", reported by " + report.reportedBy),
                count(report.nodes.size(), "node") + " configured, "
                        + count(instances(report.resources), "resource instance") + " configured");
    }

    public static String text(StatusReport report) {
        return String.join("\n", lines(report));
    }

    static int instances(List<ResourceStatus> resources) {
        return resources.stream().mapToInt(r -> r.members.isEmpty() && "primitive".equals(r.kind) ? 1
                : instances(r.members)).sum();
    }

    private static String orNone(String s) {
        return s == null ? "unknown" : s;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
