package lanchat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JDK Flight Recorder recording of the server's measured part only ({@code --server-jfr FILE}), started and
 * stopped from outside with the JDK's {@code jcmd} ({@code JFR.start}, {@code JFR.stop}): the warm-up, when
 * the JIT is still compiling, stays out of the profile. Read it with {@code jfr view hot-methods FILE} or
 * {@code jfr print --events jdk.ExecutionSample FILE}. A recording started with
 * {@code -XX:StartFlightRecording} would only be written at exit, which a server that ends itself with
 * {@code Runtime.halt} never reaches.
 *
 * <p>Used by the main thread; each {@link #stop()} overwrites the file, so with several runs (slow) it holds
 * the last one.
 */
final class FlightRecording {
    private static final String NAME = "lanchat-bench";
    private static final long JCMD_TIMEOUT_SECONDS = 60;

    private final long pid;
    private final Path file;

    FlightRecording(long pid, Path file) {
        this.pid = pid;
        this.file = file.toAbsolutePath();
    }

    /** Starts recording with the JDK's "profile" settings (method samples every 10-20 ms, allocations). */
    void start() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=" + NAME, "settings=profile");
    }

    /** Stops recording and writes the file. */
    void stop() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=" + NAME, "filename=" + file);
    }

    Path file() {
        return file;
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0
                || output.contains("Could not") || output.contains("Exception")) {
            process.destroyForcibly();
            throw new BenchException(String.join(" ", command) + " failed: " + output);
        }
    }
}
