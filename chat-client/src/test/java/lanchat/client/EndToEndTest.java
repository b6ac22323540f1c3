package lanchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.client.tls.KnownServers;
import lanchat.server.ChatServer;
import lanchat.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link ChatServer} on 127.0.0.1 and a free port, and clients run through {@link Main} in-process: in
 * line mode with piped input, as a script would, and in the interactive console on a JLine terminal over pipes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class EndToEndTest {
    @TempDir
    Path home;

    private ChatServer server;
    private final List<ClientRun> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new ChatServer(ServerConfig.fromOptions("--host", "127.0.0.1", "--port", "0", "--name", "TestChat",
                "--drain-timeout", "1"), new PrintStream(PrintStream.nullOutputStream()));
        server.start();
        pin(server.port());
    }

    // Over TLS, with the test server's key already in known_servers, as after a first contact.
    private void pin(int port) throws IOException {
        new KnownServers(home.resolve(".lanchat").resolve("known_servers"))
                .add("127.0.0.1:" + port, server.fingerprint().orElseThrow());
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (ClientRun client : clients) {
            client.close();
        }
        server.close();
    }

    /** A line-mode client logged in as {@code nick}, once it has joined {@code lobby}. */
    private ClientRun lineClient(String nick, String... more) throws IOException {
        ClientRun client = ClientRun.lineMode(home).start(args(nick, more));
        clients.add(client);
        client.awaitOutput("--> you joined #lobby");
        return client;
    }

    private String[] args(String nick, String... more) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                "--nick", nick));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void twoClientsTalkInTheLobby() throws Exception {
        ClientRun alice = lineClient("alice");
        ClientRun bob = lineClient("bob");
        alice.awaitOutput("--> bob joined #lobby");
        alice.type("hi bob\n");
        bob.awaitOutput("#lobby <alice> hi bob");
        alice.awaitOutput("#lobby <alice> hi bob");
        bob.type("/me waves\n");
        alice.awaitOutput("#lobby * bob waves");
    }

    @Test
    void welcomeAndMemberListAreShownOnConnect() throws Exception {
        lineClient("alice");
        ClientRun bob = lineClient("bob");
        bob.awaitOutput("--- in #lobby: alice, bob (2)");
        String firstLine = bob.out().lines().findFirst().orElseThrow();
        assertTrue(firstLine.matches("\\d\\d:\\d\\d --- connected to TestChat as bob"), firstLine);
    }

    @Test
    void clientsJoinAnotherRoomAndTalkThere() throws Exception {
        ClientRun alice = lineClient("alice");
        ClientRun bob = lineClient("bob");
        bob.type("/join dev\n");
        bob.awaitOutput("--> you joined #dev");
        alice.type("/join dev\nin dev now\n");
        bob.awaitOutput("#dev <alice> in dev now");
        alice.type("/join lobby\nback in the lobby\n");
        bob.awaitOutput("#lobby <alice> back in the lobby");
        bob.type("/rooms\n");
        bob.awaitOutput("--- rooms: #dev (2), #lobby (2)");
        alice.type("/leave dev\n");
        bob.awaitOutput("<-- alice left #dev");
    }

    @Test
    void whispersReachOnlyTheirTarget() throws Exception {
        ClientRun alice = lineClient("alice");
        ClientRun bob = lineClient("bob");
        ClientRun carol = lineClient("carol");
        alice.type("/msg bob psst\n");
        bob.awaitOutput("[whisper from alice] psst");
        alice.awaitOutput("[whisper to bob] psst");
        alice.type("public now\n");
        carol.awaitOutput("#lobby <alice> public now");
        assertFalse(carol.out().contains("psst"), carol.out());
    }

    @Test
    void renamesAndServerErrorsAreShownAsSentences() throws Exception {
        ClientRun alice = lineClient("alice");
        ClientRun bob = lineClient("bob");
        bob.type("/nick alice\n");
        bob.awaitOutput("!!! nick 'alice' is taken — choose another with /nick");
        bob.type("/nick robert\n");
        alice.awaitOutput("--- bob is now known as robert");
        bob.awaitOutput("--- you are now known as robert");
        bob.type("/msg nobody hi\n/leave nowhere\n");
        bob.awaitOutput("!!! nobody called 'nobody' is online");
        bob.awaitOutput("!!! you are not in #nowhere — /join it first");
    }

    @Test
    void nickTakenAtLoginExitsTwo() throws Exception {
        lineClient("alice");
        ClientRun second = ClientRun.lineMode(home).start(args("alice"));
        clients.add(second);
        assertEquals(Main.LOGIN_REFUSED, second.exitCode());
        assertEquals("nick 'alice' is already taken on 127.0.0.1:" + server.port() + " — choose another with --nick\n",
                second.err());
    }

    @Test
    void endOfInputQuitsAfterTheLastLineAndOthersSeeTheLeave() throws Exception {
        ClientRun alice = lineClient("alice");
        ClientRun bob = ClientRun.lineMode(home).start(args("bob"));
        clients.add(bob);
        bob.type("last words\n");
        bob.endInput();
        assertEquals(Main.OK, bob.exitCode());
        alice.awaitOutput("#lobby <bob> last words");
        alice.awaitOutput("<-- bob left #lobby (quit)");
    }

    @Test
    void quitReasonIsShownToTheRoom() throws Exception {
        ClientRun alice = lineClient("alice");
        ClientRun bob = lineClient("bob");
        bob.type("/quit lunch\n");
        assertEquals(Main.OK, bob.exitCode());
        alice.awaitOutput("<-- bob left #lobby (quit: lunch)");
    }

    @Test
    void pipedBurstIsPacedToTheRateLimitInsteadOfDropped() throws Exception {
        server.close();
        server = new ChatServer(ServerConfig.fromOptions("--host", "127.0.0.1", "--port", "0", "--rate-limit", "40",
                "--rate-burst", "3"), new PrintStream(PrintStream.nullOutputStream()));
        server.start();
        pin(server.port());
        ClientRun alice = lineClient("alice");
        ClientRun bot = ClientRun.lineMode(home).start(args("bot"));
        clients.add(bot);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            lines.append("line ").append(i).append('\n');
        }
        bot.type(lines.toString());
        bot.endInput();
        assertEquals(Main.OK, bot.exitCode());
        alice.awaitOutput("<-- bot left #lobby (quit)");
        assertEquals(20, alice.out().lines().filter(line -> line.contains("#lobby <bot> line ")).count());
        assertFalse(bot.out().contains("slow down"), bot.out());
    }

    @Test
    void withoutReconnectServerShutdownEndsClientsWithExitOne() throws Exception {
        ClientRun alice = lineClient("alice", "--no-reconnect");
        server.close();
        assertEquals(Main.CONNECTION_PROBLEM, alice.exitCode());
        assertEquals("the server at 127.0.0.1:" + server.port() + " closed the connection: server shutting down\n",
                alice.err());
    }

    @Test
    void interactiveAndScriptedClientsTalk() throws Exception {
        ClientRun bot = lineClient("bot");
        ClientRun alice = ClientRun.interactive(home).start(args("alice"));
        clients.add(alice);
        alice.awaitOutput("alice #lobby> ");
        bot.awaitOutput("--> alice joined #lobby");
        alice.type("hello bot\r");
        bot.awaitOutput("#lobby <alice> hello bot");
        alice.type("half-typ");
        bot.type("hello alice\n");
        alice.awaitOutput("#lobby <bot> hello alice");
        alice.type("ed\r/join dev\r");
        bot.awaitOutput("#lobby <alice> half-typed");
        alice.awaitOutput("alice #dev> ");
        alice.type("\u0004");
        assertEquals(Main.OK, alice.exitCode());
        bot.awaitOutput("<-- alice left #lobby (quit)");
    }

    @Test
    void cutConnectionIsResumedWithMissedMessagesShownOnceAndLinesTypedMeanwhileSent() throws Exception {
        try (TcpProxy proxy = new TcpProxy(server.port())) {
            pin(proxy.port());
            ClientRun bob = lineClient("bob");
            ClientRun alice = ClientRun.lineMode(home).start("--host", "127.0.0.1", "--port",
                    String.valueOf(proxy.port()), "--nick", "alice");
            clients.add(alice);
            alice.awaitOutput("--> you joined #lobby");
            bob.type("before\n");
            alice.awaitOutput("#lobby <bob> before");

            proxy.cutAll();
            alice.awaitError("reconnecting in 0.5 s");
            bob.type("while you were away\n");
            bob.awaitOutput("<bob> while you were away");
            alice.type("back soon\n");
            alice.awaitError("reconnected: session resumed");
            alice.awaitOutput("#lobby (history) <bob> while you were away");
            bob.awaitOutput("#lobby <alice> back soon");
            alice.awaitOutput("#lobby <alice> back soon");
            bob.type("welcome back\n");
            alice.awaitOutput("#lobby <bob> welcome back");

            assertEquals(1, count(alice.out(), "<bob> before"), alice.out());
            assertEquals(1, count(alice.out(), "<bob> while you were away"), alice.out());
            assertEquals(1, count(alice.out(), "<alice> back soon"), alice.out());
            assertFalse(bob.out().contains("alice left"), bob.out());
            assertEquals(1, count(bob.out(), "--> alice joined #lobby"), bob.out());
        }
    }

    @Test
    void serverRestartWithItsDataDirRejoinsAndShowsNothingTwice() throws Exception {
        Path data = home.resolve("data");
        restartServer("--port", "0", "--data-dir", data.toString());
        ClientRun alice = lineClient("alice");
        ClientRun bob = lineClient("bob");
        alice.type("one\n");
        bob.awaitOutput("<alice> one");
        bob.type("two\n");
        alice.awaitOutput("<bob> two");

        restartServer("--port", String.valueOf(server.port()), "--data-dir", data.toString());
        alice.awaitError("reconnected as a new session (the server no longer had the old one); rejoining #lobby");
        bob.awaitError("reconnected as a new session");
        bob.type("three\n");
        alice.awaitOutput("#lobby <bob> three");
        for (ClientRun client : List.of(alice, bob)) {
            assertEquals(1, count(client.out(), "<alice> one"), client.out());
            assertEquals(1, count(client.out(), "<bob> two"), client.out());
        }
    }

    /** Closes the server (clients see bye) and starts a new one with {@code options} on 127.0.0.1. */
    private void restartServer(String... options) throws IOException {
        server.close();
        List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--drain-timeout", "1"));
        all.addAll(List.of(options));
        server = new ChatServer(ServerConfig.fromOptions(all.toArray(String[]::new)),
                new PrintStream(PrintStream.nullOutputStream()));
        server.start();
        pin(server.port());
    }

    private static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }
}
