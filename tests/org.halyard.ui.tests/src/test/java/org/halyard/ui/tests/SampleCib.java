package org.halyard.ui.tests;

/** The configuration behind {@link SampleReports}, as the fake daemon's CIB, and the Dummy agent's meta-data. */
final class SampleCib {

    private SampleCib() {
    }

    static final String DUMMY = "ocf:heartbeat:Dummy";

    /** The CIB at epoch {@code %d}: db (Dummy) with a state file, a stickiness and a monitor; the web group. */
    static final String CIB = """
            <cib admin_epoch="0" epoch="%d" num_updates="0" validate-with="pacemaker-3.9">
              <configuration>
                <crm_config/>
                <nodes>
                  <node id="1" uname="node1"/>
                  <node id="2" uname="node2"/>
                  <node id="3" uname="node3"/>
                </nodes>
                <resources>
                  <group id="web">
                    <primitive id="ip" class="ocf" provider="heartbeat" type="IPaddr2"/>
                    <primitive id="apache" class="ocf" provider="heartbeat" type="Dummy"/>
                  </group>
                  <primitive id="db" class="ocf" provider="heartbeat" type="Dummy">
                    <instance_attributes id="db-instance_attributes">
                      <nvpair id="db-instance_attributes-state" name="state" value="/run/db.state"/>
                    </instance_attributes>
                    <meta_attributes id="db-meta_attributes">
                      <nvpair id="db-meta_attributes-resource-stickiness" name="resource-stickiness" value="100"/>
                    </meta_attributes>
                    <operations>
                      <op id="db-monitor-10s" name="monitor" interval="10s" timeout="20s"/>
                      <op id="db-start-0" name="start" interval="0" timeout="30s"/>
                    </operations>
                  </primitive>
                </resources>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    /** What {@code Dummy meta-data} prints, trimmed to its parameters. */
    static final String DUMMY_META_DATA = """
            <?xml version="1.0"?>
            <resource-agent name="Dummy" version="1.0">
              <version>1.1</version>
              <longdesc lang="en">This is a dummy OCF resource agent.</longdesc>
              <shortdesc lang="en">Example stateless resource agent</shortdesc>
              <parameters>
                <parameter name="state" required="0" unique="1">
                  <longdesc lang="en">Location to store the resource state in.</longdesc>
                  <shortdesc lang="en">State file</shortdesc>
                  <content type="string" default="/var/run/Dummy-db.state"/>
                </parameter>
                <parameter name="fake" required="1" unique="0">
                  <longdesc lang="en">Fake attribute that can be changed to cause a reload</longdesc>
                  <shortdesc lang="en">Fake attribute</shortdesc>
                  <content type="string" default="dummy"/>
                </parameter>
              </parameters>
              <actions>
                <action name="start" timeout="20s"/>
                <action name="monitor" timeout="20s" interval="10s"/>
              </actions>
            </resource-agent>
            """;
}
