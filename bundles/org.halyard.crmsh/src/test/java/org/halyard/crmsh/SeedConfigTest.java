package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.halyard.cib.CibXml;
import org.halyard.cib.validation.Problem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every crm configuration in the seed documents and field configs: it parses into a CIB whose
 * facts are those of the text ({@link TextFacts} vs {@link ModelFacts}), prints stably, and
 * survives CIB XML; or, where the page damaged it, it is rejected with exactly these errors.
 *
 * <p>Compared with crmsh 4.4.1 ({@code crm configure load update} into an empty file-backed
 * CIB, then {@code show xml}) while writing this: for every configuration that parses here,
 * crmsh's configuration section is the same element for element, ids included. crmsh rejects
 * the damaged ones too, with one message each ("No closing quotation", "Unknown command near
 * <meta>"...); the sessions 001 and 002 it also rejects for repeating {@code property}
 * ("Duplicate resource: cib-bootstrap-options"), which Halyard merges on purpose.
 */
class SeedConfigTest {

    /** The configurations the pages damaged, with the errors that say where and how. */
    private static final Map<String, List<String>> DAMAGED = Map.of(
            "000_c495b252711a65bc.txt#1", List.of(
                    "000_c495b252711a65bc.txt:348:79: expected a closing \" for the value starting"
                            + " with \"rw,noatime,tcp,soft,rsize=32768,wsiz=32768,in...\", found"
                            + " end of line (line 349 goes on with 'lock\"': the line was wrapped"
                            + " inside the value, as web pages and mail do)",
                    "000_c495b252711a65bc.txt:359:11: \"nfs_lsb:nfs\" is not a valid id for"
                            + " primitive: an id starts with a letter or _ and has only letters,"
                            + " digits, _, - and . (a missing space before a resource agent"
                            + " \"class:provider:type\"?)",
                    "000_c495b252711a65bc.txt:362:18: group \"HA\" names \"nfs\", which is not"
                            + " defined as a primitive"),
            "001_270ef1b6ab6173a8.txt#session", List.of(
                    "001_270ef1b6ab6173a8.txt:1000:66: expected a comparison (lt, gt, lte, gte,"
                            + " eq, ne) after \"location prefer-node1 my_services rule 50: node1\","
                            + " found end of line"),
            "004_89c7c212ad77d647.txt#1", List.of(
                    "004_89c7c212ad77d647.txt:171:1: expected a statement (node, rsc_template,"
                            + " primitive, bundle, group, ms, clone, tag, location, colocation,"
                            + " order, fencing_topology, rsc_ticket, property, rsc_defaults,"
                            + " op_defaults, role, acl_target, acl_group, alert, xml),"
                            + " found \"meta\": it"
                            + " continues the statement whose line 165 ends with \"\\\", but a"
                            + " blank line separates them (cut by the page it was copied from?)",
                    "004_89c7c212ad77d647.txt:180:90: expected name=value in meta of ms"
                            + " \"ms_drbd_mysql\" after '...de-max=\"1\" clone-max=\"2\""
                            + " clone-node-max=\"1\" notify=\"true\"', found \"target-r\" (the"
                            + " statement ends there, without =value: was the line cut off?)"),
            "004_89c7c212ad77d647.txt#2", List.of(
                    "004_89c7c212ad77d647.txt:255:1: expected a statement (node, rsc_template,"
                            + " primitive, bundle, group, ms, clone, tag, location, colocation,"
                            + " order, fencing_topology, rsc_ticket, property, rsc_defaults,"
                            + " op_defaults, role, acl_target, acl_group, alert, xml),"
                            + " found \"op\": it"
                            + " continues the statement whose line 250 ends with \"\\\", but a"
                            + " blank line separates them (cut by the page it was copied from?)"));

    /** What the semantic check says about the configurations that parse. */
    private static final Map<String, List<String>> PROBLEMS = Map.of(
            // the seed shows crm_verify saying the same: no fencing device, fencing enabled
            "001_270ef1b6ab6173a8.txt#1", List.of("error: Resource start-up disabled since no"
                    + " STONITH resources have been defined; either configure some or disable"
                    + " STONITH with the stonith-enabled option"));

    @Test
    void theSeedsHoldTheseConfigurations() {
        assertEquals(List.of("000_c495b252711a65bc.txt#1", "000_c495b252711a65bc.txt#2",
                "001_270ef1b6ab6173a8.txt#1", "001_270ef1b6ab6173a8.txt#2",
                "001_270ef1b6ab6173a8.txt#3", "001_270ef1b6ab6173a8.txt#4",
                "001_270ef1b6ab6173a8.txt#session", "002_0661260abd828f3a.txt#1",
                "002_0661260abd828f3a.txt#session", "003_ff35feddf188eeb6.txt#1",
                "003_ff35feddf188eeb6.txt#session", "004_89c7c212ad77d647.txt#1",
                "004_89c7c212ad77d647.txt#2", "nfs-drbd.pl.crm", "web-drbd.ru.crm"),
                SeedConfigs.all().stream().map(SeedConfigs.SeedConfig::name).toList());
    }

    @TestFactory
    Stream<DynamicTest> everySeedConfiguration() {
        return SeedConfigs.all().stream().map(config -> DynamicTest.dynamicTest(
                config.toString(), () -> check(config)));
    }

    private static void check(SeedConfigs.SeedConfig config) {
        String source = config.file().getFileName().toString();
        if (DAMAGED.containsKey(config.name())) {
            CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                    () -> CrmConfigure.parse(config.text(), source, config.firstLine()));
            assertEquals(DAMAGED.get(config.name()),
                    e.errors().stream().map(CrmError::toString).toList());
            return;
        }
        ParsedConfiguration parsed = CrmConfigure.parse(config.text(), source,
                config.firstLine());
        assertEquals(String.join("\n", TextFacts.of(config.text())),
                String.join("\n", ModelFacts.of(parsed.configuration())));
        String printed = CrmConfigure.print(parsed.configuration());
        String reprinted = CrmConfigure.print(CrmConfigure.parse(printed, "printed")
                .configuration());
        assertEquals(printed, reprinted, "print(parse(print(parse(x)))) == print(parse(x))");
        String xml = CibXml.toXml(parsed.cib());
        assertEquals(printed, CrmConfigure.print(CibXml.parse(xml, "saved.xml").configuration()
                .orElseThrow()), "the text survives CIB XML");
        assertEquals(PROBLEMS.getOrDefault(config.name(), List.of()),
                CrmConfigure.check(parsed).stream().map(Problem::toString).toList());
    }
}
