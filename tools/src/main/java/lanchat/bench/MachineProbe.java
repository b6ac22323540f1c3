package lanchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads how busy the whole machine's CPUs have been from the first line of Linux's {@code /proc/stat} (user +
 * nice + system + irq + softirq + steal clock ticks, summed over all cores). With the server's and the
 * benchmark's own CPU time subtracted, it tells how much other processes (a build on the same box) took
 * during a measurement, which is what makes a noisy figure explainable. Immutable; thread-safe.
 */
final class MachineProbe {
    private final long clockTicksPerSecond;

    MachineProbe(long clockTicksPerSecond) {
        if (clockTicksPerSecond <= 0) {
            throw new IllegalArgumentException("clockTicksPerSecond <= 0: " + clockTicksPerSecond);
        }
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** The machine's busy CPU time so far, as a sample with no memory or thread figures. */
    ProcessSample sample() throws IOException {
        long ticks = busyTicks(Files.readString(Path.of("/proc/stat")));
        return new ProcessSample(ticks * 1_000_000_000L / clockTicksPerSecond, 0, 0, 0, 0, 0, System.nanoTime());
    }

    /**
     * Busy ticks from the {@code cpu} line: {@code cpu user nice system idle iowait irq softirq steal ...};
     * idle and iowait are the not-busy ones; guest time is already inside user.
     */
    static long busyTicks(String procStat) {
        String first = procStat.lines().findFirst().orElse("");
        String[] fields = first.trim().split("\\s+");
        if (fields.length < 9 || !fields[0].equals("cpu")) {
            throw new IllegalArgumentException("unexpected first line of /proc/stat: \"" + first + "\"");
        }
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(fields[i]);
        }
        return busy;
    }
}
