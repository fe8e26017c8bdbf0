package org.halyard.daemon.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.resources.AgentResource;
import org.junit.jupiter.api.Test;

/** Which fencing device the DC asks to fence a node, as the fencer's static host lists decide. */
class FencingDeviceTest {

    private static final Cib CIB = CibXml.parse("""
            <cib admin_epoch="0" epoch="1" num_updates="0">
              <configuration>
                <crm_config/>
                <nodes/>
                <resources>
                  <primitive id="ipmi-n1" class="stonith" type="fence_ipmilan">
                    <instance_attributes id="a"><nvpair id="a1" name="pcmk_host_list" value="node1"/></instance_attributes>
                  </primitive>
                  <primitive id="pdu" class="stonith" type="fence_apc">
                    <instance_attributes id="b"><nvpair id="b1" name="pcmk_host_map" value="node2:4;node3:5"/></instance_attributes>
                  </primitive>
                  <primitive id="any" class="stonith" type="fence_halyard_local"/>
                </resources>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """, "test");

    private static AgentResource device(String id) {
        return LocalResourceManager.primitives(CIB).stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aDeviceWithAHostListFencesOnlyThoseHosts() {
        assertTrue(Controller.canFence(CIB, device("ipmi-n1"), "node1"));
        assertFalse(Controller.canFence(CIB, device("ipmi-n1"), "node2"));
    }

    @Test
    void aHostMapNamesItsHostsByTheKeys() {
        assertTrue(Controller.canFence(CIB, device("pdu"), "node3"));
        assertFalse(Controller.canFence(CIB, device("pdu"), "node1"));
        assertFalse(Controller.canFence(CIB, device("pdu"), "4"), "a port is not a host");
    }

    @Test
    void aDeviceNamingNoHostsIsAskedForAnyone() {
        assertTrue(Controller.canFence(CIB, device("any"), "node2"));
    }
}
