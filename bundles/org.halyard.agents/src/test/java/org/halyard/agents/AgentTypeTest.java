package org.halyard.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AgentTypeTest {

    @Test
    void parsesAndPrintsCrmForm() {
        AgentType dummy = AgentType.parse("ocf:heartbeat:Dummy");
        assertEquals(Standard.OCF, dummy.standard());
        assertEquals("heartbeat", dummy.provider());
        assertEquals("Dummy", dummy.type());
        assertEquals("ocf:heartbeat:Dummy", dummy.toString());
        AgentType fence = AgentType.parse("stonith:fence_ipmilan");
        assertEquals(Standard.STONITH, fence.standard());
        assertNull(fence.provider());
        assertEquals("stonith:fence_ipmilan", fence.toString());
        assertEquals("systemd:getty@tty1", AgentType.parse("systemd:getty@tty1").toString());
        assertEquals(AgentType.of(Standard.LSB, "ntp"), AgentType.parse("lsb:ntp"));
    }

    @Test
    void rejectsMalformedTypesWithAReason() {
        assertReason("ocf:Dummy", "OCF agents are written ocf:<provider>:<type>");
        assertReason("upstart:foo", "unknown resource agent standard \"upstart\"");
        assertReason("lsb:a:b", "expected lsb:<type>");
        assertReason("ocf:heartbeat:../../bin/sh", "must be a plain file or unit name");
        assertReason("ocf:..:Dummy", "needs a provider");
        assertReason("lsb:", "invalid agent type \"\"");
    }

    @Test
    void ocfResultCodes() {
        assertEquals(OcfResult.RUNNING_PROMOTED, OcfResult.fromCode(8));
        assertEquals(OcfResult.FAILED_PROMOTED, OcfResult.fromCode(9));
        assertEquals(OcfResult.DEGRADED, OcfResult.fromCode(190));
        assertEquals(OcfResult.DEGRADED_PROMOTED, OcfResult.fromCode(191));
        assertEquals(OcfResult.ERR_GENERIC, OcfResult.fromCode(42), "undefined codes are generic errors");
        for (OcfResult result : OcfResult.values()) {
            assertEquals(result, OcfResult.fromCode(result.code()));
        }
    }

    @Test
    void succeededHonoursTheAction() {
        Operation monitor = Operation.of("r", AgentType.parse("ocf:heartbeat:Dummy"), Operation.MONITOR);
        assertTrue(result(monitor, ExecStatus.DONE, OcfResult.NOT_RUNNING).succeeded());
        assertTrue(result(monitor, ExecStatus.DONE, OcfResult.DEGRADED_PROMOTED).succeeded());
        assertFalse(result(monitor, ExecStatus.DONE, OcfResult.FAILED_PROMOTED).succeeded());
        assertFalse(result(monitor, ExecStatus.TIMEOUT, OcfResult.ERR_GENERIC).succeeded());
        Operation start = monitor.withAction(Operation.START);
        assertTrue(result(start, ExecStatus.DONE, OcfResult.OK).succeeded());
        assertFalse(result(start, ExecStatus.DONE, OcfResult.NOT_RUNNING).succeeded());
        assertTrue(result(start, ExecStatus.DONE, OcfResult.NOT_RUNNING).succeeded(OcfResult.NOT_RUNNING));
    }

    @Test
    void operationsValidateTheirInput() {
        AgentType dummy = AgentType.parse("ocf:heartbeat:Dummy");
        Operation start = Operation.of("r", dummy, Operation.START);
        assertThrows(AgentException.class, () -> start.withTimeout(Duration.ZERO));
        assertThrows(AgentException.class, () -> start.withParams(Map.of("a=b", "c")));
        assertThrows(AgentException.class, () -> start.withMeta(Map.of("x", "nul\0")));
        assertEquals("r_monitor_10000", start.withAction(Operation.MONITOR).withInterval(Duration.ofSeconds(10))
                .key());
    }

    private static OperationResult result(Operation operation, ExecStatus status, OcfResult rc) {
        return new OperationResult(operation, status, rc, rc.code(), "", "", "", Instant.now(), Duration.ZERO);
    }

    private static void assertReason(String spec, String reason) {
        AgentException error = assertThrows(AgentException.class, () -> AgentType.parse(spec));
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }
}
