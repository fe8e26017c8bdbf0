package org.halyard.agents.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.halyard.agents.AgentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentMetadataTest {

    private static final String OCF = """
            <?xml version="1.0"?>
            <!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
            <resource-agent name="Web" version="2.3">
            <version>1.1</version>
            <longdesc lang="de">Ein Webserver</longdesc>
            <longdesc lang="en">
              A web server.
            </longdesc>
            <shortdesc lang="en">Web server</shortdesc>
            <parameters>
              <parameter name="config" required="1" unique="1">
                <longdesc lang="en">Configuration file</longdesc>
                <shortdesc lang="en">config</shortdesc>
                <content type="string" default="/etc/web.conf"/>
              </parameter>
              <parameter name="port">
                <content type="integer"/>
              </parameter>
              <parameter name="flag"/>
            </parameters>
            <actions>
              <action name="start" timeout="40s"/>
              <action name="monitor" timeout="20" interval="10s" depth="0"/>
              <action name="monitor" timeout="20s" interval="11s" role="Promoted"/>
              <action name="stop" timeout="2min"/>
              <action name="notify" timeout="PT5S"/>
              <action name="meta-data" timeout="500ms"/>
              <action name="validate-all"/>
            </actions>
            </resource-agent>
            """;

    @Test
    void parsesOcfMetadata() {
        AgentMetadata metadata = AgentMetadata.parse("ocf:test:Web", OCF);
        assertEquals("Web", metadata.name());
        assertEquals("2.3", metadata.version());
        assertEquals("1.1", metadata.ocfVersion());
        assertEquals("A web server.", metadata.longdesc(), "English wins over the first language");
        assertEquals("Web server", metadata.shortdesc());

        ParameterDescription config = metadata.parameter("config").orElseThrow();
        assertTrue(config.required());
        assertTrue(config.unique());
        assertEquals(Optional.of("/etc/web.conf"), config.defaultValue());
        assertEquals("Configuration file", config.longdesc());
        ParameterDescription port = metadata.parameter("port").orElseThrow();
        assertFalse(port.required());
        assertEquals("integer", port.type());
        assertEquals(Optional.empty(), port.defaultValue());
        assertEquals("string", metadata.parameter("flag").orElseThrow().type());

        assertEquals(Duration.ofSeconds(40), metadata.action("start").orElseThrow().timeout().orElseThrow());
        assertEquals(Duration.ofMinutes(2), metadata.action("stop").orElseThrow().timeout().orElseThrow());
        assertEquals(Duration.ofSeconds(5), metadata.action("notify").orElseThrow().timeout().orElseThrow());
        assertEquals(Duration.ofMillis(500), metadata.action("meta-data").orElseThrow().timeout().orElseThrow());
        assertEquals(Optional.empty(), metadata.action("validate-all").orElseThrow().timeout());
        List<ActionDescription> monitors = metadata.actions().stream().filter(a -> a.name().equals("monitor"))
                .toList();
        assertEquals(2, monitors.size());
        assertEquals(Duration.ofSeconds(20), monitors.get(0).timeout().orElseThrow());
        assertEquals(Duration.ofSeconds(10), monitors.get(0).interval());
        assertEquals("Promoted", monitors.get(1).role());
    }

    @Test
    void parsesFenceAgentMetadata() {
        AgentMetadata metadata = AgentMetadata.parse("stonith:fence_x", """
                <?xml version="1.0" ?>
                <resource-agent name="fence_x" shortdesc="Fence agent for X">
                <longdesc>Long text</longdesc>
                <parameters>
                  <parameter name="ipaddr" unique="0" required="1" obsoletes="ip">
                    <getopt mixed="-a, --ip=[ip]" />
                    <content type="string"  />
                    <shortdesc lang="en">IP address or hostname of fencing device</shortdesc>
                  </parameter>
                </parameters>
                <actions><action name="on" automatic="0"/><action name="off" /></actions>
                </resource-agent>
                """);
        assertEquals("Fence agent for X", metadata.shortdesc());
        assertEquals("Long text", metadata.longdesc());
        assertTrue(metadata.parameter("ipaddr").orElseThrow().required());
        assertEquals(List.of("on", "off"), metadata.actions().stream().map(ActionDescription::name).toList());
    }

    @Test
    void roundTripsThroughXml() {
        AgentMetadata metadata = AgentMetadata.parse("ocf:test:Web", OCF);
        AgentMetadata again = AgentMetadata.parse("ocf:test:Web", metadata.toXml());
        assertEquals(metadata, again);
    }

    @Test
    void errorsNameTheAgentAndTheProblem() {
        assertMessage("meta-data of ocf:x:Bad is not well-formed XML: line 2", "<resource-agent name=\"a\">\n<oops>");
        assertMessage("meta-data of ocf:x:Bad has root element <html>", "<html/>");
        assertMessage("<resource-agent> has no name attribute", "<resource-agent/>");
        assertMessage("a <parameter> has no name attribute",
                "<resource-agent name=\"a\"><parameters><parameter/></parameters></resource-agent>");
        assertMessage("action start has timeout \"soon\" is not a time",
                "<resource-agent name=\"a\"><actions><action name=\"start\" timeout=\"soon\"/></actions>"
                        + "</resource-agent>");
        assertMessage("action stop has interval \"5 fortnights\" has an unknown time unit",
                "<resource-agent name=\"a\"><actions><action name=\"stop\" interval=\"5 fortnights\"/></actions>"
                        + "</resource-agent>");
    }

    @Test
    void externalEntitiesAreNeverLoaded(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "TOP-SECRET");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE resource-agent [<!ENTITY secret SYSTEM "%s">]>
                <resource-agent name="e"><longdesc>&secret;</longdesc></resource-agent>
                """.formatted(secret.toUri());
        try {
            AgentMetadata metadata = AgentMetadata.parse("ocf:x:Evil", xml);
            assertFalse(metadata.longdesc().contains("TOP-SECRET"), "external entity was read");
        } catch (AgentException e) {
            assertTrue(e.getMessage().startsWith("meta-data of ocf:x:Evil"), e.getMessage());
        }
    }

    @Test
    void timeSpecifications() {
        assertEquals(Duration.ofSeconds(20), TimeSpec.parse("20"));
        assertEquals(Duration.ofSeconds(20), TimeSpec.parse(" 20s "));
        assertEquals(Duration.ofSeconds(20), TimeSpec.parse("20sec"));
        assertEquals(Duration.ofMillis(150), TimeSpec.parse("150ms"));
        assertEquals(Duration.ofMinutes(3), TimeSpec.parse("3m"));
        assertEquals(Duration.ofHours(1), TimeSpec.parse("1h"));
        assertEquals(Duration.ofMinutes(90), TimeSpec.parse("PT1H30M"));
        assertThrows(IllegalArgumentException.class, () -> TimeSpec.parse("-5s"));
        assertThrows(IllegalArgumentException.class, () -> TimeSpec.parse(""));
        assertEquals("20s", TimeSpec.format(Duration.ofSeconds(20)));
        assertEquals("1500ms", TimeSpec.format(Duration.ofMillis(1500)));
    }

    private static void assertMessage(String expected, String xml) {
        AgentException error = assertThrows(AgentException.class, () -> AgentMetadata.parse("ocf:x:Bad", xml));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
