package lanchat.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's CPU time and memory from Linux's {@code /proc/PID}: utime + stime (fields 14 and 15 of
 * {@code stat}, in clock ticks, usually 100 a second: {@code getconf CLK_TCK}) and {@code VmRSS} and {@code
 * Threads} of {@code status}. The same fields of each thread's {@code task/TID/stat} tell how much of that
 * CPU time the JVM's JIT compiler and garbage collector threads took: a JIT still compiling during a
 * measurement is warm-up cost, not the cost of the code being measured. Works for any process of the same
 * user, so the benchmark can watch the server it started or one given with {@code --server-pid}.
 *
 * <p>Immutable and thread-safe; every {@link #sample()} reads the files afresh.
 */
final class ProcessProbe {
    private final long pid;
    private final long clockTicksPerSecond;

    ProcessProbe(long pid, long clockTicksPerSecond) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid <= 0: " + pid);
        }
        if (clockTicksPerSecond <= 0) {
            throw new IllegalArgumentException("clockTicksPerSecond <= 0: " + clockTicksPerSecond);
        }
        this.pid = pid;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** A probe of this very process, the benchmark. */
    static ProcessProbe self(long clockTicksPerSecond) {
        return new ProcessProbe(ProcessHandle.current().pid(), clockTicksPerSecond);
    }

    long pid() {
        return pid;
    }

    /** Reads the process's figures now; throws when the process is gone or /proc is not there. */
    ProcessSample sample() throws IOException {
        Path dir = Path.of("/proc", Long.toString(pid));
        String stat = Files.readString(dir.resolve("stat"));
        String status = Files.readString(dir.resolve("status"));
        long[] jitAndGcTicks = jitAndGcTicks(dir.resolve("task"));
        return new ProcessSample(nanos(cpuTicks(stat)), nanos(systemTicks(stat)), nanos(jitAndGcTicks[0]),
                nanos(jitAndGcTicks[1]), statusField(status, "VmRSS") * 1024,
                (int) statusField(status, "Threads"), System.nanoTime());
    }

    /** CPU ticks of the JIT compiler threads and of the GC threads; threads that end meanwhile are skipped. */
    private static long[] jitAndGcTicks(Path tasks) throws IOException {
        long[] ticks = new long[2];
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException e) {
                    continue;
                }
                String name = threadName(stat);
                if (isJit(name)) {
                    ticks[0] += cpuTicks(stat);
                } else if (isGc(name)) {
                    ticks[1] += cpuTicks(stat);
                }
            }
        }
        return ticks;
    }

    /** The command name of a {@code stat} line: what the kernel calls the thread, cut to 15 characters. */
    static String threadName(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw malformed("stat", "no (name)", stat);
        }
        return stat.substring(open + 1, close);
    }

    /** HotSpot's compiler threads: "C2 CompilerThread0", "C1 CompilerThread0" (cut by the kernel). */
    static boolean isJit(String threadName) {
        return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler");
    }

    /** HotSpot's collector threads: "GC Thread#0", and G1's "G1 Conc#0", "G1 Refine#0", "G1 Main Marker". */
    static boolean isGc(String threadName) {
        return threadName.startsWith("GC Thread") || threadName.startsWith("G1 ");
    }

    /**
     * utime + stime from the text of {@code /proc/PID/stat}. The command name (field 2) sits in parentheses
     * and may itself hold spaces and parentheses, so the fields are counted from the last ')'.
     */
    static long cpuTicks(String stat) {
        String[] fields = fieldsAfterName(stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** stime alone: the time the kernel worked for the process. */
    static long systemTicks(String stat) {
        return Long.parseLong(fieldsAfterName(stat)[12]);
    }

    // After ')' come field 3 (state), 4, ...; utime is field 14, stime field 15.
    private static String[] fieldsAfterName(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw malformed("stat", "no ')' after the command name", stat);
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        if (fields.length < 13) {
            throw malformed("stat", "fewer than 15 fields", stat);
        }
        return fields;
    }

    private long nanos(long ticks) {
        return ticks * 1_000_000_000L / clockTicksPerSecond;
    }

    /** The number in a {@code Name:   123 kB} (or unitless {@code Threads:  9}) line of {@code status}. */
    static long statusField(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                String[] parts = line.substring(name.length() + 1).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        throw malformed("status", "no " + name + " line", status);
    }

    private static IllegalArgumentException malformed(String file, String problem, String text) {
        String start = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new IllegalArgumentException(
                "unexpected /proc/PID/" + file + ": " + problem + " in \"" + start + "\"");
    }
}
