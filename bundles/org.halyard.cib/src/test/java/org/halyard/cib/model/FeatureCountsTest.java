package org.halyard.cib.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.halyard.cib.CibXml;
import org.halyard.cib.SharedData;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.status.Status;
import org.halyard.cib.model.tags.Tags;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The typed model sees what the scheduler suite's feature table ({@code features.tsv}) counts
 * in each input: nodes, resources by kind, constraints by kind, sets, rules, history.
 */
class FeatureCountsTest {

    private static final List<String> COLUMNS = List.of("nodes", "primitives", "group", "clone",
            "promotable", "bundle", "colocation", "order", "location", "loc_rule", "rsc_set",
            "ticket", "stonith_rsc", "template", "tag", "op_history");

    @TestFactory
    Stream<DynamicTest> modelCountsMatchTheFeatureTable() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.schedulerDir().resolve("features.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        // One input (bundle-order-partial) is not in Pacemaker's test list, nor in the table.
        assertEquals(SharedData.SCHEDULER_INPUT_COUNT - 1, lines.size() - 1, "rows in features.tsv");
        return lines.stream().skip(1).map(line -> {
            String[] fields = line.split("\t", -1);
            Map<String, String> expected = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                expected.put(column, fields[header.indexOf(column)]);
            }
            Path input = SharedData.schedulerDir().resolve("xml/" + fields[0] + ".xml");
            return DynamicTest.dynamicTest(fields[0], input.toUri(),
                    () -> assertEquals(expected, counts(CibXml.load(input))));
        });
    }

    private static Map<String, String> counts(Cib cib) {
        Configuration configuration = cib.configuration().orElseThrow();
        Resources resources = configuration.resources().orElseThrow();
        List<Resource> all = resources.allResources();
        List<Constraint> constraints = configuration.constraints().map(Constraints::constraints)
                .orElse(List.of());
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("nodes", (long) configuration.nodes().map(Nodes::nodes).orElse(List.of()).size());
        counts.put("primitives", all.stream().filter(Primitive.class::isInstance).count());
        counts.put("group", all.stream().filter(Group.class::isInstance).count());
        counts.put("clone", all.stream().filter(Clone.class::isInstance).count());
        counts.put("promotable", all.stream().filter(r -> r instanceof Clone c && c.isPromotable()).count());
        counts.put("bundle", all.stream().filter(Bundle.class::isInstance).count());
        counts.put("colocation", kind(constraints, "colocation"));
        counts.put("order", kind(constraints, "order"));
        counts.put("location", kind(constraints, "location"));
        counts.put("loc_rule", (long) configuration.constraints().orElseThrow().locations().stream()
                .mapToInt(location -> location.rules().size()).sum());
        counts.put("rsc_set", (long) constraints.stream().mapToInt(c -> c.resourceSets().size()).sum());
        counts.put("ticket", kind(constraints, "rsc_ticket"));
        counts.put("stonith_rsc", all.stream().filter(r -> r instanceof Primitive p && p.isStonith()).count());
        counts.put("template", resources.templates().size()
                + all.stream().filter(r -> r instanceof Primitive p && p.getTemplate() != null).count());
        counts.put("tag", (long) configuration.tags().map(Tags::tags).orElse(List.of()).size());
        counts.put("op_history", cib.status().map(Status::nodeStates).orElse(List.of()).stream()
                .flatMap(state -> state.lrm().stream())
                .flatMap(lrm -> lrm.resourceHistories().stream())
                .mapToLong(history -> history.operations().size()).sum());
        Map<String, String> result = new LinkedHashMap<>();
        counts.forEach((column, count) -> result.put(column, Long.toString(count)));
        return result;
    }

    private static long kind(List<Constraint> constraints, String kind) {
        return constraints.stream().filter(c -> c.kind().equals(kind)).count();
    }
}
