package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server as its own process: the line on stdout, SIGTERM's graceful shutdown with exit code 0, the log. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerProcessTest {
    private static final Pattern LISTENING =
            Pattern.compile("lanchat server listening on 127\\.0\\.0\\.1:(\\d+) \\(backlog 7\\), "
                    + "TLS key SHA256:([A-Za-z0-9+/]{43}) \\(((?:[A-Za-z0-9+/]{4} ){10}[A-Za-z0-9+/]{3})\\)");

    private Process server;

    @AfterEach
    void kill() {
        server.destroyForcibly();
    }

    @Test
    void sigtermSaysByeToClientsAndExitsZero(@TempDir Path dir) throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        server = new ProcessBuilder(javaCommand(), "-Duser.home=" + System.getProperty("user.home"), "-cp",
                classPath(), Main.class.getName(),
                "--host", "127.0.0.1", "--port", "0", "--backlog", "7", "--drain-timeout", "0.5")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        LiveServer.soon().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(stdout).endsWith("\n"));
        Matcher listening = LISTENING.matcher(Files.readAllLines(stdout).getFirst());
        assertTrue(listening.matches(), Files.readString(stdout));
        int port = Integer.parseInt(listening.group(1));
        assertEquals(listening.group(2), listening.group(3).replace(" ", ""), "grouped, the same characters");

        try (TestClient alice = TestClient.registered(InetAddress.getLoopbackAddress(), port, "alice", true)) {
            alice.join("lobby");
            server.destroy(); // SIGTERM
            assertEquals(new Event.Bye("server shutting down"), alice.expect(Event.Bye.class));
            alice.awaitEnd();
        }
        assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
        assertEquals(0, server.exitValue());
        assertEquals(1, Files.readAllLines(stdout).size(), "one line on stdout");
        List<String> log = Files.readAllLines(stderr);
        assertTrue(log.stream().anyMatch(line -> line.matches("[0-9:.]+ INFO connect /127\\.0\\.0\\.1:\\d+")),
                String.join("\n", log));
        assertTrue(log.stream().anyMatch(line -> line.matches(
                "[0-9:.]+ INFO disconnect alice@/127\\.0\\.0\\.1:\\d+: server shutting down")),
                String.join("\n", log));
    }

    private static String javaCommand() {
        return ServerProcess.javaCommand();
    }

    private static String classPath() {
        return ServerProcess.classPath();
    }
}
