package lanchat.bench;

/**
 * What {@link ProcessProbe} read from {@code /proc} about one process at one moment.
 *
 * @param cpuNanos  user + system CPU time of all its threads so far, at the kernel's clock-tick resolution
 * @param systemNanos the system (kernel) part of it: system calls such as socket reads and writes
 * @param jitNanos  the part used by the JVM's JIT compiler threads (C1, C2), alive now
 * @param gcNanos   the part used by the JVM's garbage collector threads, alive now
 * @param rssBytes  resident set size (VmRSS)
 * @param threads   number of kernel threads (a virtual thread is not one)
 * @param takenNanos {@link System#nanoTime()} when it was read
 */
record ProcessSample(long cpuNanos, long systemNanos, long jitNanos, long gcNanos, long rssBytes, int threads,
        long takenNanos) {

    /** CPU time used between {@code earlier} and this sample. */
    long cpuNanosSince(ProcessSample earlier) {
        return cpuNanos - earlier.cpuNanos;
    }

    /** The kernel's share of the CPU time used since {@code earlier}; NaN when none was used. */
    double systemShareSince(ProcessSample earlier) {
        long cpu = cpuNanosSince(earlier);
        return cpu == 0 ? Double.NaN : (double) (systemNanos - earlier.systemNanos) / cpu;
    }

    /** Wall time between {@code earlier} and this sample. */
    long wallNanosSince(ProcessSample earlier) {
        return takenNanos - earlier.takenNanos;
    }
}
