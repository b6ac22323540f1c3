package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.tls.Fingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server's TLS: the listening line, a stalled handshake, the key kept across restarts, --plain. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsServerTest {
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Test
    void stalledTlsHandshakesHoldUpNobodyAndAreClosedAtTheHandshakeTimeout() throws Exception {
        LiveServer live = LiveServer.startTls("--handshake-timeout", "2", "--drain-timeout", "0.5");
        opened.add(live);
        live.register("warm"); // the first TLS connection of the JVM loads its classes; not what is measured here
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), live.port());
            opened.add(socket);
            // The first bytes of a TLS record, then nothing: the server's handshake waits for the rest.
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01});
            stalled.add(socket);
        }
        LiveServer.soon().until(() -> live.server().openSocketCount() == 4);

        TestClient alice = live.register("alice");
        assertEquals("alice", alice.welcome().nick());
        assertEquals(5, live.server().openSocketCount(), "welcomed while every stalled handshake still waits");

        LiveServer.soon().until(() -> live.server().openSocketCount() == 2);
        for (Socket socket : stalled) {
            // At most a TLS alert record (type 21), then the end of the stream: the server closed it.
            byte[] last = socket.getInputStream().readAllBytes();
            assertTrue(last.length == 0 || last[0] == 21, "an alert or nothing: " + java.util.Arrays.toString(last));
        }
    }

    @Test
    void aConnectionTurnedAwayOverTlsIsToldWhyAfterItsHandshake() throws Exception {
        LiveServer live = LiveServer.startTls("--max-clients", "1");
        opened.add(live);
        live.register("alice");
        TestClient refused = live.connect();
        refused.expectError(ErrorCode.SERVER_FULL);
        refused.awaitEnd();
        LiveServer.soon().until(() -> live.server().openSocketCount() == 1);
    }

    @Test
    void theKeyIsKeptInTheDataDirAndReusedAfterARestart(@TempDir Path data) throws Exception {
        Fingerprint first = startedFingerprint("--data-dir", data.toString());
        Fingerprint second = startedFingerprint("--data-dir", data.toString());
        assertEquals(first, second);
        assertTrue(Files.exists(data.resolve("server-key.p12")));
    }

    @Test
    void theListeningLineNamesTheKeyPlainAndGrouped(@TempDir Path data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChatServer server = new ChatServer(ServerConfig.fromOptions("--host", "127.0.0.1", "--port", "0",
                "--backlog", "5", "--data-dir", data.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        opened.add(server);
        server.start();
        Fingerprint key = server.fingerprint().orElseThrow();
        assertEquals("lanchat server listening on 127.0.0.1:" + server.port() + " (backlog 5), TLS key " + key
                + " (" + key.grouped() + ")\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plainServerSaysSoOnTheListeningLineAndHasNoKey() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChatServer server = new ChatServer(ServerConfig.fromOptions("--host", "127.0.0.1", "--port", "0",
                "--backlog", "5", "--plain"), new PrintStream(out, true, StandardCharsets.UTF_8));
        opened.add(server);
        server.start();
        assertEquals("lanchat server listening on 127.0.0.1:" + server.port() + " (backlog 5), plain text "
                + "(--plain)\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(server.fingerprint().isEmpty());
    }

    private Fingerprint startedFingerprint(String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
        all.addAll(List.of(options));
        try (ChatServer server = new ChatServer(ServerConfig.fromOptions(all.toArray(String[]::new)),
                new PrintStream(PrintStream.nullOutputStream()))) {
            server.start();
            try (TestClient client = TestClient.registered(InetAddress.getLoopbackAddress(), server.port(), "bob",
                    true)) {
                assertEquals("bob", client.welcome().nick());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return server.fingerprint().orElseThrow();
        }
    }
}
