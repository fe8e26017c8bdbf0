package org.halyard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.status.NodeState;
import org.halyard.cib.validation.CibValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks are only as good as their input: it must be a valid CIB of the asked size. */
class SyntheticCibTest {

    @TempDir
    Path dir;

    @Test
    void generatesAValidSteadyStateCibOfTheAskedSize() throws Exception {
        Path file = new SyntheticCib(4, 100, 7).write(dir.resolve("cib.xml"));
        Cib cib = CibXml.load(file);
        assertEquals(List.of(), CibValidator.validate(cib), "no problems at all");

        List<Resource> all = cib.configuration().orElseThrow().resources().orElseThrow().allResources();
        assertEquals(100, all.stream().filter(Primitive.class::isInstance).count());
        assertEquals(100 / 2 / SyntheticCib.GROUP_SIZE, all.stream().filter(Group.class::isInstance).count());

        List<NodeState> states = cib.status().orElseThrow().nodeStates();
        assertEquals(4, states.size());
        assertTrue(Files.readString(file).contains("operation_key=\"rsc99_start_0\""), "every resource has run");
    }

    @Test
    void sameSeedSameCib() throws Exception {
        Path a = new SyntheticCib(3, 40, 11).write(dir.resolve("a.xml"));
        Path b = new SyntheticCib(3, 40, 11).write(dir.resolve("b.xml"));
        assertEquals(Files.readString(a), Files.readString(b));
    }
}
