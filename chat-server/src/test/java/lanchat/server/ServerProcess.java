package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lanchat.protocol.json.MessageCodec;
import picocli.CommandLine;

/**
 * The server as a process of its own ({@code java -cp <the test class path> lanchat.server.Main}), its stdout and
 * stderr in files. {@link #start} returns once it printed its "listening" line; {@link #close()} kills it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("lanchat server listening on [^ ]+:(\\d+) .*");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code Main} with {@code args}, stdout and stderr going to the files; waits for it to listen. */
    static ServerProcess start(Path stdout, Path stderr, String... args) throws IOException {
        return start(List.of(), stdout, stderr, args);
    }

    /**
     * Starts {@code Main} in a JVM with {@code jvmOptions} (after {@code -XX:+ExitOnOutOfMemoryError}, which
     * scripts/server always gives), then as {@link #start(Path, Path, String...)}.
     */
    static ServerProcess start(List<String> jvmOptions, Path stdout, Path stderr, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:+ExitOnOutOfMemoryError",
                "-Duser.home=" + System.getProperty("user.home")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        LiveServer.soon().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(stdout).endsWith("\n"));
        Matcher listening = LISTENING.matcher(Files.readAllLines(stdout).getFirst());
        assertTrue(listening.matches(), Files.readString(stdout));
        return new ServerProcess(process, Integer.parseInt(listening.group(1)));
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no last write; then waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The server's classes and its dependencies, wherever the build put them. */
    static String classPath() {
        return Stream.of(Main.class, MessageCodec.class, Gson.class, CommandLine.class)
                .map(type -> Path.of(toUri(type)).toString())
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow();
    }

    private static java.net.URI toUri(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
