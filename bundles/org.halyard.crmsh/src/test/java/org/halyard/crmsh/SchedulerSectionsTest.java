package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scheduler regression inputs with tickets, tags, fencing levels and alerts: printed as crm text
 * and parsed again, the section is the same XML as in the input, ids included, except the ids
 * of fencing levels where the input did not use crm's: crm syntax has no place for them.
 */
class SchedulerSectionsTest {

    /** An input file and the section of its configuration that must survive the text. */
    private record Case(String file, String section) {
    }

    private static final List<Case> CASES = List.of(
            new Case("tags-ticket", "constraints"),
            new Case("tags-ticket", "tags"),
            new Case("ticket-clone-1", "constraints"),
            new Case("ticket-group-10", "constraints"),
            new Case("tags-coloc-order-1", "tags"),
            new Case("bug-cl-5212", "fencing-topology"),
            new Case("allow-unhealthy-nodes", "fencing-topology"),
            new Case("remote-connection-shutdown", "fencing-topology"),
            new Case("allow-unhealthy-nodes", "alerts"),
            new Case("shutdown-lock", "alerts"));

    private static final Pattern LEVEL_ID = Pattern.compile(
            "(<fencing-level [^>]*?)id=\"[^\"]*\"");

    @TestFactory
    Stream<DynamicTest> sectionSurvivesCrmText() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.file + " " + c.section, () -> {
            Cib original = CibXml.load(SharedData.sharedDir()
                    .resolve("data/pacemaker-scheduler-2.1.5/xml/" + c.file + ".xml"));
            Configuration configuration = original.configuration().orElseThrow();
            String text = CrmConfigure.print(configuration);
            Cib again = CrmConfigure.parse(text, c.file).cib();
            String expected = withoutLevelIds(CibSections.of(original, c.section));
            assertNotEquals("", expected, "the input has no " + c.section);
            assertEquals(expected, withoutLevelIds(CibSections.of(again, c.section)), text);
        }));
    }

    private static String withoutLevelIds(String xml) {
        return LEVEL_ID.matcher(xml).replaceAll("$1");
    }
}
