package org.halyard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;

/** How the benchmarks measure: median wall time after a warm-up, and heap use. */
final class Measure {

    private Measure() {
    }

    interface Work {
        Object run() throws Exception;
    }

    /** Median wall time in ms over the runs, after one warm-up run. */
    static double median(int runs, Work work) throws Exception {
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

    /** The highest heap use while the work runs once (sum of the heap pools' peaks). */
    static long peakHeap(Work work) throws Exception {
        usedAfterGc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        Object keep = work.run();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        java.lang.ref.Reference.reachabilityFence(keep);
        return peak;
    }

    /** Heap still used while the result is alive, after collections on both sides. */
    static long retainedHeap(Work work) throws Exception {
        long before = usedAfterGc();
        Object keep = work.run();
        long after = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(keep);
        return Math.max(0, after - before);
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
