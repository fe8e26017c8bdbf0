package org.halyard.scheduler.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the "Transition Summary" of crm_simulate exactly: resource lines are
 * {@code %-8s   %-*s   ( %*s )%s%s} with column widths that only grow, as crm_simulate's
 * static widths do within one run.
 */
public final class TransitionSummaryPrinter {

    private TransitionSummaryPrinter() {
    }

    /** The summary lines, each starting with "  * ". */
    public static List<String> lines(List<SummaryItem> items) {
        List<String> lines = new ArrayList<>();
        int rscWidth = 5;
        int detailWidth = 5;
        for (SummaryItem item : items) {
            if (item.nodeAction()) {
                lines.add("  * " + item.change() + " " + item.subject() + " '" + item.reason()
                        + "'");
                continue;
            }
            if (item.subject().length() > rscWidth) {
                rscWidth = item.subject().length() + 2;
            }
            if (item.details().length() > detailWidth) {
                detailWidth = item.details().length();
            }
            String reason = item.reason() == null ? "" : "  " + item.reason();
            lines.add("  * " + String.format("%-8s   %-" + rscWidth + "s   ( %" + detailWidth
                    + "s )%s", item.change(), item.subject(), item.details(), reason));
        }
        return lines;
    }

    /** The whole section with its heading. */
    public static String print(List<SummaryItem> items) {
        StringBuilder out = new StringBuilder("Transition Summary:\n");
        lines(items).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /**
     * The summary lines of a crm_simulate output (the indented lines after "Transition Summary:"),
     * so a printed summary can be compared with Pacemaker's line by line.
     */
    public static List<String> read(List<String> output) {
        List<String> section = new ArrayList<>();
        boolean in = false;
        for (String line : output) {
            if (line.startsWith("Transition Summary:")) {
                in = true;
            } else if (in && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                break;
            } else if (in && !line.isBlank()) {
                section.add(line);
            }
        }
        return section;
    }
}
