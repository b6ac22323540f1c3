package lanchat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LanChat server jar, started as a child process so that the benchmark can read its CPU time and memory
 * from {@code /proc/PID}: {@code java [jvm options] -jar chat-server.jar --host 127.0.0.1 --port 0 [args]}.
 * {@link #start} waits for the line the server prints once it listens,
 * {@code lanchat server listening on HOST:PORT (backlog N)}, and takes the port from it.
 *
 * <p>The server's stderr (its log) goes to a file; its stdout is read by a daemon thread named {@code server
 * stdout} and copied to the same file. Used by the main thread. {@link #close()} asks the server to stop
 * (SIGTERM, so its shutdown hook runs and a JFR recording is written), and kills it after 20 s; calling it
 * twice is harmless.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING =
            Pattern.compile("lanchat server listening on (\\S+):(\\d+)(?: \\(backlog (\\d+)\\))?");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private ServerProcess(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /** Starts the server and waits until it listens; on failure, the message quotes the end of its log. */
    static ServerProcess start(Path jar, List<String> jvmOptions, List<String> serverArgs, Path log,
            Duration startTimeout) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new BenchException(
                    "no server jar at " + jar + "; build it with mvn package, or use scripts/bench");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // As scripts/server: out of memory, the server ends at once and loudly rather than limp on.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(serverArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("server stdout").start(() -> copyStdout(process, log, listening));
        try {
            return new ServerProcess(process, listening.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS), log);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new BenchException("the server did not start listening within " + startTimeout.toSeconds()
                    + " s (" + String.join(" ", command) + "); the end of its log " + log + ":\n" + tail(log), e);
        }
    }

    /** The address in a "listening" line, or empty for any other line. */
    static Optional<InetSocketAddress> parseListening(String line) {
        Matcher matcher = LISTENING.matcher(line);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String host = matcher.group(1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return Optional.of(new InetSocketAddress(host, Integer.parseInt(matcher.group(2))));
    }

    private static void copyStdout(Process process, Path log, CompletableFuture<InetSocketAddress> listening) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Files.writeString(log, "[stdout] " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                parseListening(line).ifPresent(listening::complete);
            }
        } catch (IOException e) {
            // The pipe broke because the server died: the exit below tells the waiting side.
        }
        listening.completeExceptionally(new IOException("the server exited with status " + exitStatus(process)));
    }

    private static String exitStatus(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    InetSocketAddress address() {
        return address;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
