package org.halyard.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

class ExecutionSupportTest {

    private static String cib(String cloneMeta, String rscDefaults) {
        return """
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    <crm_config/>
                    <nodes/>
                    <resources>
                      <primitive id="plain" class="ocf" provider="heartbeat" type="Dummy"/>
                      <clone id="ms_drbd">
                        <meta_attributes id="ms-meta">
                          <nvpair id="ms-promotable" name="promotable" value="true"/>
                          %s
                        </meta_attributes>
                        <primitive id="drbd" class="ocf" provider="linbit" type="drbd"/>
                      </clone>
                    </resources>
                    <constraints/>
                    %s
                  </configuration>
                  <status/>
                </cib>
                """.formatted(cloneMeta, rscDefaults);
    }

    @Test
    void aCloneWithNotificationsIsNamed() {
        assertEquals(List.of("clone notifications (notify=true on ms_drbd)"), ExecutionSupport.unsupported(
                CibXml.parse(cib("<nvpair id=\"ms-notify\" name=\"notify\" value=\"true\"/>", ""), "t")));
    }

    @Test
    void notificationsFromTheResourceDefaultsCountToo() {
        String defaults = "<rsc_defaults><meta_attributes id=\"d\"><nvpair id=\"d-n\" name=\"notify\" value=\"yes\"/>"
                + "</meta_attributes></rsc_defaults>";
        assertEquals(List.of("clone notifications (notify=true on ms_drbd)"),
                ExecutionSupport.unsupported(CibXml.parse(cib("", defaults), "t")));
    }

    @Test
    void clonesWithoutNotificationsAndPlainPrimitivesAreFine() {
        assertEquals(List.of(), ExecutionSupport.unsupported(
                CibXml.parse(cib("<nvpair id=\"ms-notify\" name=\"notify\" value=\"false\"/>", ""), "t")));
    }
}
