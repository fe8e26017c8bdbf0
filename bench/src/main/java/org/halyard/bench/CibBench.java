package org.halyard.bench;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.validation.CibValidator;
import org.w3c.dom.Document;

/**
 * Loading and saving a CIB with Halyard's model, against the JDK's own DOM parse + serialize of
 * the same file in the same JVM as the baseline. Prints a table; ratios below 1 mean faster than
 * the baseline. Usage: {@code CibBench [NODESxRESOURCES,...] [runs]}.
 */
public final class CibBench {

    private CibBench() {
    }

    public static void main(String[] args) throws Exception {
        List<int[]> sizes = new ArrayList<>();
        for (String size : (args.length > 0 ? args[0] : "4x100,16x1000,32x5000").split(",")) {
            String[] parts = size.split("x");
            sizes.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("halyard-bench");
        System.out.printf("%-10s %9s | %9s %9s %6s | %9s %9s %6s | %9s | %10s %10s%n", "size", "file MB",
                "DOM load", "CIB load", "ratio", "DOM save", "CIB save", "ratio", "validate", "DOM heap", "CIB heap");
        for (int[] size : sizes) {
            Path file = new SyntheticCib(size[0], size[1], 42).write(dir.resolve("cib-" + size[0] + "x" + size[1] + ".xml"));
            row(size, file, runs);
            Files.delete(file);
        }
        Files.delete(dir);
    }

    private static void row(int[] size, Path file, int runs) throws Exception {
        double domLoad = Measure.median(runs, () -> domParse(file));
        double cibLoad = Measure.median(runs, () -> CibXml.load(file));
        Document dom = domParse(file);
        Cib cib = CibXml.load(file);
        double domSave = Measure.median(runs, () -> domSerialize(dom));
        double cibSave = Measure.median(runs, () -> CibXml.toXml(cib));
        double validate = Measure.median(runs, () -> CibValidator.validate(cib));
        long domHeap = Measure.retainedHeap(() -> domParse(file));
        long cibHeap = Measure.retainedHeap(() -> CibXml.load(file));
        System.out.printf(Locale.ROOT, "%-10s %9.1f | %7.0fms %7.0fms %6.2f | %7.0fms %7.0fms %6.2f | %7.0fms | %8dMB %8dMB%n",
                size[0] + "x" + size[1], Files.size(file) / 1e6, domLoad, cibLoad, cibLoad / domLoad, domSave, cibSave,
                cibSave / domSave, validate, domHeap >> 20, cibHeap >> 20);
    }

    private static Document domParse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String domSerialize(Document dom) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dom), new StreamResult(out));
        return out.toString();
    }
}
