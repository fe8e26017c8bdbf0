package org.halyard.daemon.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which history updates make the DC schedule again, and which only confirm what it knew. */
class RelevantChangeTest {

    private static final OperationRecord START = new OperationRecord("web_last_0", "start", 0, 0,
            OperationRecord.DONE, 3, 100, 12, null, null);

    private static NodeHistory with(OperationRecord... ops) {
        Map<String, OperationRecord> byId = new java.util.LinkedHashMap<>();
        for (OperationRecord op : ops) {
            byId.put(op.id(), op);
        }
        return NodeHistory.empty("node1", 1).withResource(new ResourceRecord("web", "ocf", "heartbeat", "Dummy", byId));
    }

    private static OperationRecord monitor(int rc, long callId) {
        return new OperationRecord("web_monitor_10000", "monitor", 10_000, rc, OperationRecord.DONE, callId, 100 + callId,
                5, null, null);
    }

    @Test
    void aFirstReportAndANewResultMatter() {
        assertTrue(Controller.relevantChange(null, with(START)));
        assertTrue(Controller.relevantChange(NodeHistory.empty("node1", 1), with(START)));
    }

    @Test
    void aMonitorConfirmingTheStateDoesNotButAChangedAnswerDoes() {
        assertFalse(Controller.relevantChange(with(START), with(START, monitor(0, 4))), "first good monitor");
        assertFalse(Controller.relevantChange(with(START, monitor(0, 4)), with(START, monitor(0, 5))));
        assertTrue(Controller.relevantChange(with(START, monitor(0, 4)), with(START, monitor(7, 6))));
        assertTrue(Controller.relevantChange(with(START), with(START, monitor(7, 4))), "first monitor failing");
    }

    @Test
    void attributesMatter() {
        assertTrue(Controller.relevantChange(with(START), with(START).withAttribute("master-data", "10")));
    }
}
