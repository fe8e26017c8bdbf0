package org.halyard.cib.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

class CibModelTest {

    @Test
    void everyElementClassIsRegisteredForJaxb() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (String name : modelClassNames()) {
            Class<?> type = Class.forName(name);
            if (type.isAnnotationPresent(XmlRootElement.class)
                    && !Modifier.isAbstract(type.getModifiers())
                    && !CibModel.ELEMENT_CLASSES.contains(type)) {
                missing.add(type.getName());
            }
        }
        assertEquals(Set.of(), missing, "add these to CibModel.ELEMENT_CLASSES");
    }

    @Test
    void elementNamesAreUnique() {
        Map<String, Class<?>> byName = new HashMap<>();
        for (Class<?> type : CibModel.ELEMENT_CLASSES) {
            XmlRootElement root = type.getAnnotation(XmlRootElement.class);
            assertNotNull(root, type + " has no @XmlRootElement");
            String name = "{" + ("##default".equals(root.namespace()) ? "" : root.namespace()) + "}"
                    + root.name();
            Class<?> other = byName.put(name, type);
            assertEquals(null, other, name + " bound twice");
        }
        assertEquals(CibModel.ELEMENT_CLASSES.size(), byName.size());
        assertNotNull(CibXml.context(), "JAXB binds all of them");
    }

    /** All classes compiled into org/halyard/cib/model, from a directory or a jar. */
    private static List<String> modelClassNames() throws IOException, URISyntaxException {
        Path location = Path.of(CibElement.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        String prefix = "org/halyard/cib/model/";
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                return files.map(file -> location.relativize(file).toString().replace('\\', '/'))
                        .filter(CibModelTest::isTopLevelClass).map(CibModelTest::className).toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith(prefix) && isTopLevelClass(name))
                    .map(CibModelTest::className).toList();
        }
    }

    private static boolean isTopLevelClass(String path) {
        return path.endsWith(".class") && !path.contains("$") && !path.endsWith("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
