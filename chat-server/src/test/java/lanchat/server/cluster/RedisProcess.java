package lanchat.server.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} for tests, on a free port of 127.0.0.1 (Redis' own {@code --port 0} means "no TCP",
 * so the port is picked here). The binary is the installed one when {@code redis-server} is on the PATH, otherwise
 * the Linux binary that the {@code embedded-redis} jar carries, copied to a temporary directory and made
 * executable; {@code -Dlanchat.test.redis=embedded} forces the second. Started with no snapshots and no
 * append-only file, unless {@link #startPersistent()}. {@code close()} kills it and deletes its directory.
 */
final class RedisProcess implements AutoCloseable {
    static final String FORCE_PROPERTY = "lanchat.test.redis";
    private static final String EMBEDDED_BINARY = "/redis-server-6.2.6-v5-linux-amd64";

    private final Path binary;
    private final Path dir;
    private final List<String> persistence;
    private final int port;
    private Process process;

    private RedisProcess(Path binary, Path dir, List<String> persistence, int port) {
        this.binary = binary;
        this.dir = dir;
        this.persistence = persistence;
        this.port = port;
    }

    /** A Redis that keeps nothing on disk. */
    static RedisProcess start() {
        return start(List.of("--save", "", "--appendonly", "no"));
    }

    /**
     * A Redis that writes every command to its append-only file before answering ({@code appendfsync always}), so
     * that {@link #kill()} then {@link #restart()} loses nothing it acknowledged.
     */
    static RedisProcess startPersistent() {
        return start(List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always"));
    }

    /** A Redis that keeps nothing on disk, run from the embedded-redis jar's binary whatever is installed. */
    static RedisProcess startEmbedded() {
        return start(Embedded.BINARY, List.of("--save", "", "--appendonly", "no"));
    }

    private static RedisProcess start(List<String> persistence) {
        try {
            return start(binary(), persistence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RedisProcess start(Path binary, List<String> persistence) {
        try {
            Path dir = Files.createTempDirectory("lanchat-redis");
            RedisProcess redis = new RedisProcess(binary, dir, persistence, freePort());
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary used: the installed one, or the embedded one (copied once per test JVM). */
    static Path binary() throws IOException {
        if (!"embedded".equals(System.getProperty(FORCE_PROPERTY))) {
            for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path candidate = Path.of(entry.isEmpty() ? "." : entry, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return Embedded.BINARY;
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills Redis at once (SIGKILL), as a crash would. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
            process = null;
        }
    }

    /** Starts Redis again on the same port and directory; a persistent one reloads what it had. */
    void restart() {
        kill();
        launch();
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--daemonize", "no"));
        command.addAll(persistence);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .failFast("redis-server exited; see " + dir.resolve("redis.log"), () -> !process.isAlive())
                .until(this::answersPing);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary of the embedded-redis jar, copied out once per test JVM (the holder idiom: lazy, thread-safe). */
    private static final class Embedded {
        static final Path BINARY = extract();

        private static Path extract() {
            try (InputStream in = RedisProcess.class.getResourceAsStream(EMBEDDED_BINARY)) {
                if (in == null) {
                    throw new IllegalStateException("no redis-server on the PATH and no " + EMBEDDED_BINARY
                            + " on the class path (is com.github.codemonstur:embedded-redis a test dependency?)");
                }
                Path dir = Files.createTempDirectory("lanchat-redis-bin");
                Path binary = dir.resolve("redis-server");
                Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
                if (!binary.toFile().setExecutable(true)) {
                    throw new IOException("cannot make " + binary + " executable");
                }
                dir.toFile().deleteOnExit(); // deleted in reverse order: the binary first, then its directory
                binary.toFile().deleteOnExit();
                return binary;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
