package org.halyard.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.resources.Bundle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;

/**
 * Every input of Pacemaker's scheduler regression suite survives load and save: the saved XML is
 * equivalent to the input ({@link XmlEquivalence}: comments included, attribute order and
 * whitespace-only text ignored), and saving is stable.
 */
class RoundTripTest {

    /** Unknown to the model by design and kept verbatim: the innards of bundles and alerts. */
    private static final Set<String> KEPT_VERBATIM = Set.of("bundle/docker", "bundle/podman",
            "bundle/rkt", "bundle/network", "bundle/storage", "alert/select");

    @Test
    void allSchedulerInputsAreFound() {
        assertEquals(SharedData.SCHEDULER_INPUT_COUNT, SharedData.schedulerInputs().size(),
                "scheduler inputs in " + SharedData.schedulerDir().resolve("xml"));
    }

    @TestFactory
    Stream<DynamicTest> savedCibIsEquivalentToInput() {
        return SharedData.schedulerInputs().stream().map(input -> DynamicTest.dynamicTest(
                input.getFileName().toString(), input.toUri(), () -> roundTrip(input)));
    }

    @TestFactory
    Stream<DynamicTest> everyElementOfTheInputsIsModelled() {
        return SharedData.schedulerInputs().stream().map(input -> DynamicTest.dynamicTest(
                input.getFileName().toString(), input.toUri(), () -> {
                    List<String> unknown = new ArrayList<>();
                    collectUnknown(CibXml.load(input), "cib", unknown);
                    assertTrue(unknown.isEmpty(), "elements not bound to a model class: " + unknown);
                }));
    }

    private static void roundTrip(Path input) throws IOException {
        String original = Files.readString(input, StandardCharsets.UTF_8);
        Cib cib = CibXml.parse(original, input.getFileName().toString());
        String saved = CibXml.toXml(cib);
        Optional<String> difference = XmlEquivalence.firstDifference(original, saved);
        if (difference.isPresent()) {
            fail("saved CIB differs from " + input.getFileName() + " at " + difference.get());
        }
        String savedAgain = CibXml.toXml(CibXml.parse(saved, "saved"));
        assertEquals(saved, savedAgain, "saving a saved CIB changes it");
    }

    private static void collectUnknown(CibElement element, String path, List<String> unknown) {
        for (Object child : element.content()) {
            if (child instanceof CibElement model) {
                collectUnknown(model, path + "/" + model.elementName(), unknown);
            } else if (child instanceof Element dom) {
                String where = element.elementName() + "/" + dom.getLocalName();
                boolean expected = KEPT_VERBATIM.contains(where)
                        && (element instanceof Bundle || element instanceof Alert);
                if (!expected) {
                    unknown.add(path + "/" + dom.getLocalName());
                }
            }
        }
    }
}
