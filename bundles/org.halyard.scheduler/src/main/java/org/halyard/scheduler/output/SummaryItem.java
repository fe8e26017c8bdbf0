package org.halyard.scheduler.output;

/**
 * One line of the transition summary before formatting.
 *
 * @param change   Start, Stop, Move, Recover, Restart, Fence (reboot), ...
 * @param subject  the resource id, or for node actions the node name
 * @param details  the text in parentheses (null for node actions)
 * @param reason   "due to ..." / "blocked" text, or for node actions the quoted reason
 */
public record SummaryItem(String change, String subject, String details, String reason,
        boolean nodeAction) {
}
