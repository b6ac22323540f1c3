package lanchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.client.tls.KnownServers;
import lanchat.protocol.tls.Fingerprint;
import lanchat.server.ChatServer;
import lanchat.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's side of TLS against a real server: first contact (asked on a terminal, refused without one),
 * {@code --trust}, {@code --trust-new}, a pinned key, a changed key, {@code --plain} on either side, and the bytes
 * on the wire.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsEndToEndTest {
    private static final Fingerprint OTHER_KEY = Fingerprint.parse("SHA256:" + "A".repeat(43));

    @TempDir
    Path home;

    private ChatServer server;
    private String hostPort;
    private Fingerprint key;
    private final List<ClientRun> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        startServer("--host", "127.0.0.1", "--port", "0");
    }

    private void startServer(String... options) throws IOException {
        server = new ChatServer(ServerConfig.fromOptions(options), new PrintStream(PrintStream.nullOutputStream()));
        server.start();
        hostPort = "127.0.0.1:" + server.port();
        key = server.fingerprint().orElse(null);
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (ClientRun client : clients) {
            client.close();
        }
        server.close();
    }

    private ClientRun run(boolean interactive, int port, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(port),
                "--nick", "alice"));
        args.addAll(List.of(more));
        ClientRun client = (interactive ? ClientRun.interactive(home) : ClientRun.lineMode(home))
                .start(args.toArray(String[]::new));
        clients.add(client);
        return client;
    }

    private ClientRun run(String... more) throws IOException {
        return run(false, server.port(), more);
    }

    private Path knownServers() {
        return home.resolve(".lanchat").resolve("known_servers");
    }

    @Test
    void firstContactWithoutATerminalIsRefusedNamingTheKeyAndHowToTrustIt() throws Exception {
        ClientRun alice = run();
        assertEquals(Main.CONNECTION_PROBLEM, alice.exitCode());
        assertEquals(hostPort + " is a server not met before (not in " + knownServers() + ") and there is no "
                + "terminal to ask; its key is " + key + ". If that is the key the server printed when it started, "
                + "connect with --trust " + key + " (or --trust-new)\n", alice.err());
        assertFalse(Files.exists(knownServers()));
    }

    @Test
    void firstContactOnATerminalShowsTheFingerprintAndPinsItOnYes() throws Exception {
        ClientRun alice = run(true, server.port());
        alice.awaitOutput("Its key fingerprint is " + key);
        alice.awaitOutput("read aloud: " + key.grouped());
        alice.awaitOutput("Trust this server and remember its key? (yes/no)");
        alice.type("yes\r");
        alice.awaitOutput("alice #lobby> ");
        assertEquals(List.of(hostPort + " " + key), Files.readAllLines(knownServers()));
    }

    @Test
    void firstContactOnATerminalAnsweredNoDoesNotConnect() throws Exception {
        ClientRun alice = run(true, server.port());
        alice.awaitOutput("Trust this server and remember its key? (yes/no)");
        alice.type("no\r");
        assertEquals(Main.CONNECTION_PROBLEM, alice.exitCode());
        alice.awaitError("not connecting to " + hostPort + ": its key was not trusted");
        assertFalse(Files.exists(knownServers()));
    }

    @Test
    void trustWithTheRightFingerprintConnectsAndPinsIt() throws Exception {
        ClientRun alice = run("--trust", key.text());
        alice.awaitOutput("--> you joined #lobby");
        assertEquals("trusting " + hostPort + " (" + key + "); remembered in " + knownServers() + "\n", alice.err());
        assertEquals(List.of(hostPort + " " + key), Files.readAllLines(knownServers()));
    }

    @Test
    void trustAcceptsTheGroupedFormToo() throws Exception {
        ClientRun alice = run("--trust", key.grouped());
        alice.awaitOutput("--> you joined #lobby");
    }

    @Test
    void trustWithAnotherFingerprintIsRefused() throws Exception {
        ClientRun alice = run("--trust", OTHER_KEY.text());
        assertEquals(Main.CONNECTION_PROBLEM, alice.exitCode());
        assertEquals(hostPort + " presented the key " + key + ", not the " + OTHER_KEY
                + " given with --trust; not connecting\n", alice.err());
    }

    @Test
    void trustNewPinsAServerMetForTheFirstTime() throws Exception {
        ClientRun alice = run("--trust-new");
        alice.awaitOutput("--> you joined #lobby");
        assertEquals(List.of(hostPort + " " + key), Files.readAllLines(knownServers()));
    }

    @Test
    void aPinnedKeyConnectsSilently() throws Exception {
        new KnownServers(knownServers()).add(hostPort, key);
        ClientRun alice = run();
        alice.awaitOutput("--> you joined #lobby");
        alice.type("/quit\n");
        assertEquals(Main.OK, alice.exitCode());
        assertEquals("", alice.err());
    }

    @Test
    void aChangedKeyIsAHardStopNamingTheFileAndLineEvenWithTrustNew() throws Exception {
        Files.createDirectories(knownServers().getParent());
        Files.writeString(knownServers(), "# my servers\n127.0.0.1:1 " + key + "\n" + hostPort + " " + OTHER_KEY
                + "\n");
        ClientRun alice = run("--trust-new");
        assertEquals(Main.CONNECTION_PROBLEM, alice.exitCode());
        assertEquals("THE KEY OF " + hostPort + " HAS CHANGED: it presented " + key + ", but " + knownServers()
                + " line 3 pins " + OTHER_KEY + ". Someone may be intercepting the connection, or the server was "
                + "given a new key. Not connecting. If you know the key changed, delete line 3 of "
                + knownServers() + " and connect again\n", alice.err());
    }

    @Test
    void aPlainClientCannotTalkToATlsServer() throws Exception {
        ClientRun alice = run("--plain");
        assertEquals(Main.CONNECTION_PROBLEM, alice.exitCode());
    }

    @Test
    void aTlsClientMeetingAPlainServerIsToldToUsePlain() throws Exception {
        server.close();
        startServer("--host", "127.0.0.1", "--port", "0", "--plain");
        ClientRun alice = run("--trust-new");
        assertEquals(Main.CONNECTION_PROBLEM, alice.exitCode());
        assertTrue(alice.err().startsWith("the TLS handshake with " + hostPort + " failed ("), alice.err());
        assertTrue(alice.err().endsWith("; if the server runs with --plain, connect with --plain too (everything "
                + "then travels in clear text)\n"), alice.err());
        ClientRun plain = run("--plain");
        plain.awaitOutput("--> you joined #lobby");
    }

    @Test
    void noChatTextAppearsOnTheWire() throws Exception {
        try (TcpProxy capture = new TcpProxy(server.port())) {
            new KnownServers(knownServers()).add("127.0.0.1:" + capture.port(), key);
            ClientRun alice = run(false, capture.port());
            alice.awaitOutput("--> you joined #lobby");
            alice.type("the password is swordfish\n");
            alice.awaitOutput("<alice> the password is swordfish");
            alice.type("/quit\n");
            assertEquals(Main.OK, alice.exitCode());
            String wire = new String(capture.captured(), StandardCharsets.ISO_8859_1);
            assertTrue(wire.length() > 1000, "the handshake and some chat went through: " + wire.length());
            for (String clear : List.of("swordfish", "alice", "lobby", "hello", "welcome", "token")) {
                assertFalse(wire.contains(clear), "\"" + clear + "\" in clear on the wire");
            }
        }
    }

    @Test
    void theSameCaptureOfAPlainServerShowsTheText() throws Exception {
        server.close();
        startServer("--host", "127.0.0.1", "--port", "0", "--plain");
        try (TcpProxy capture = new TcpProxy(server.port())) {
            ClientRun alice = run(false, capture.port(), "--plain");
            alice.awaitOutput("--> you joined #lobby");
            alice.type("the password is swordfish\n");
            alice.awaitOutput("<alice> the password is swordfish");
            assertTrue(new String(capture.captured(), StandardCharsets.ISO_8859_1).contains("swordfish"));
        }
    }
}
