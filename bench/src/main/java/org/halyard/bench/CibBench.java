package org.halyard.bench;

import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        double domLoad = median(runs, () -> domParse(file));
        double cibLoad = median(runs, () -> CibXml.load(file));
        Document dom = domParse(file);
        Cib cib = CibXml.load(file);
        double domSave = median(runs, () -> domSerialize(dom));
        double cibSave = median(runs, () -> CibXml.toXml(cib));
        double validate = median(runs, () -> CibValidator.validate(cib));
        long domHeap = retainedHeap(() -> domParse(file));
        long cibHeap = retainedHeap(() -> CibXml.load(file));
        System.out.printf(Locale.ROOT, "%-10s %9.1f | %7.0fms %7.0fms %6.2f | %7.0fms %7.0fms %6.2f | %7.0fms | %8dMB %8dMB%n",
                size[0] + "x" + size[1], Files.size(file) / 1e6, domLoad, cibLoad, cibLoad / domLoad, domSave, cibSave,
                cibSave / domSave, validate, domHeap >> 20, cibHeap >> 20);
    }

    interface Work {
        Object run() throws Exception;
    }

    /** Median wall time in ms over the runs, after one warm-up run. */
    private static double median(int runs, Work work) throws Exception {
        work.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Object result = work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
            if (result == null) {
                throw new IllegalStateException("benchmark work returned nothing");
            }
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** Heap still used while the result is alive, after collections on both sides. */
    private static long retainedHeap(Work work) throws Exception {
        long before = usedAfterGc();
        Object keep = work.run();
        long after = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(keep);
        return Math.max(0, after - before);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
