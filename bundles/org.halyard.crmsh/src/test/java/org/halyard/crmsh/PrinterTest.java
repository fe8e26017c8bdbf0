package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Configuration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The layout of crm configure show, and text → CIB → text stability. */
class PrinterTest {

    @Test
    void layoutIsCrmConfigureShow() {
        String text = """
                property stonith-enabled=false
                order o inf: db:promote web:start
                colocation c inf: web db:Master
                location l web rule $id=pref 50: #uname eq n1
                ms db d meta notify=true
                group web ip apache
                primitive apache lsb:apache2 op monitor interval=30s timeout=20s
                primitive ip IPaddr2 params ip=10.0.0.1 meta target-role=Started
                primitive d ocf:linbit:drbd params drbd_resource=r0 \\
                  op monitor interval=29s role=Master op monitor interval=31s role=Slave
                node n1 attributes standby="on and off"
                """;
        assertEquals("""
                node n1 \\
                    attributes standby="on and off"
                primitive apache lsb:apache2 \\
                    op monitor interval=30s timeout=20s
                primitive d ocf:linbit:drbd \\
                    params drbd_resource=r0 \\
                    op monitor interval=29s role=Master \\
                    op monitor interval=31s role=Slave
                primitive ip ocf:heartbeat:IPaddr2 \\
                    params ip=10.0.0.1 \\
                    meta target-role=Started
                group web ip apache
                ms db d \\
                    meta notify=true
                location l web \\
                    rule $id=pref 50: #uname eq n1
                colocation c inf: web db:Master
                order o Mandatory: db:promote web:start
                property cib-bootstrap-options: \\
                    stonith-enabled=false
                """, CrmConfigure.print(CrmConfigure.parse(text, "t.crm").configuration()));
    }

    /**
     * Every scheduler regression input: printing, parsing and printing again gives the same
     * text, so show and load agree on everything the printer writes.
     */
    @TestFactory
    Stream<DynamicTest> schedulerInputsPrintStably() {
        return SharedData.files("data/pacemaker-scheduler-2.1.5/xml", ".xml").stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    Configuration configuration = CibXml.load(file).configuration().orElseThrow();
                    // what has no crm syntax is listed in comments, which loading skips
                    String printed = CrmConfigure.print(configuration)
                            .replaceAll("(?m)^# not shown.*\\n", "");
                    String again = CrmConfigure.print(CrmConfigure.parse(printed, name(file))
                            .configuration());
                    assertEquals(printed, again);
                }));
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".xml", "");
    }
}
