package lanchat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import lanchat.client.ClientRun;
import lanchat.client.FakeServer;
import lanchat.client.Main;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The interactive console: {@link Main} on a JLine terminal over pipes, against the {@link FakeServer}. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class ConsoleTest {
    private static final String TS = "2024-05-01T12:34:56Z";
    private static final Pattern FOREGROUND_COLOUR = Pattern.compile("\u001b\\[(3[0-7]|9[0-7])(;[0-9]+)*m");

    @TempDir
    Path home;

    private final FakeServer server = new FakeServer();
    private ClientRun client;

    ConsoleTest() throws IOException {
    }

    @AfterEach
    void closeEverything() throws IOException {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private ClientRun start(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--plain", "--host", "127.0.0.1", "--port",
                String.valueOf(server.port()), "--nick", "alice"));
        args.addAll(List.of(more));
        try {
            client = ClientRun.interactive(home).start(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return client;
    }

    private FakeServer.Peer acceptIntoLobby() throws IOException {
        FakeServer.Peer peer = server.acceptAndWelcome();
        Envelope<Command> join = peer.expectEnvelope(Command.Join.class);
        peer.send(new Event.Joined("lobby", "alice"), join.ref());
        peer.send(new Event.Users("lobby", List.of("alice", "bob")), join.ref());
        client.awaitOutput("in #lobby");
        return peer;
    }

    private static void answerQuit(FakeServer.Peer peer) throws IOException {
        peer.expect(Command.Quit.class);
        peer.send(new Event.Bye("quit"));
        peer.close();
    }

    @Test
    void typedLineIsSentAndTheEchoPrinted() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("hello world\r");
        assertEquals(new Command.Say("lobby", "hello world"), peer.expect(Command.Say.class));
        peer.send(new Event.Message("lobby", "alice", "hello world", false, 1L, TS, false));
        client.awaitOutput("hello world");
        assertTrue(client.text().contains("alice #lobby> "), client.text());
    }

    @Test
    void halfTypedLineSurvivesIncomingMessages() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("half typ");
        peer.send(new Event.Message("lobby", "bob", "interrupting you", false, 1L, TS, false));
        client.awaitOutput("interrupting you");
        client.type("ed line\r");
        assertEquals(new Command.Say("lobby", "half typed line"), peer.expect(Command.Say.class));
    }

    @Test
    void quotesBackslashesAndBangsAreSentAsTyped() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("it's \"C:\\temp\" !! !x\r");
        assertEquals(new Command.Say("lobby", "it's \"C:\\temp\" !! !x"), peer.expect(Command.Say.class));
    }

    @Test
    void ctrlDSendsQuitAndExitsZero() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("\u0004");
        answerQuit(peer);
        assertEquals(Main.OK, client.exitCode());
    }

    @Test
    void ctrlCOnAnEmptyLineSendsQuitAndExitsZero() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("\u0003");
        answerQuit(peer);
        assertEquals(Main.OK, client.exitCode());
    }

    @Test
    void ctrlCOnAHalfTypedLineOnlyDiscardsIt() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("never mind\u0003");
        client.type("/who\r");
        assertEquals(new Command.Who("lobby"), peer.expect(Command.Who.class));
    }

    @Test
    void quitCommandExitsZeroAndHistoryIsKept() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("/who\r/quit lunch\r");
        peer.expect(Command.Who.class);
        assertEquals(new Command.Quit("lunch"), peer.expect(Command.Quit.class));
        peer.close();
        assertEquals(Main.OK, client.exitCode());
        assertEquals(List.of("/who", "/quit lunch"), Files.readAllLines(home.resolve(".lanchat/history"),
                StandardCharsets.UTF_8).stream().map(line -> line.substring(line.indexOf(':') + 1)).toList());
    }

    @Test
    void tabCompletesCommandsAndNicks() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("/ms\t");
        client.type("b\t");
        client.type("psst\r");
        assertEquals(new Command.Whisper("bob", "psst"), peer.expect(Command.Whisper.class));
    }

    @Test
    void withoutReconnectServerClosingEndsTheConsoleWithExitOne() throws Exception {
        start("--no-reconnect");
        FakeServer.Peer peer = acceptIntoLobby();
        client.type("half");
        peer.send(new Event.Bye("server shutting down"));
        peer.close();
        assertEquals(Main.CONNECTION_PROBLEM, client.exitCode());
        assertTrue(client.text().contains("closed the connection: server shutting down"), client.text());
    }

    @Test
    void promptSaysReconnectingUntilTheSessionIsResumedAndHistoryIsDimmed() throws Exception {
        start();
        FakeServer.Peer first = acceptIntoLobby();
        first.cut();
        client.awaitOutput("alice #lobby [reconnecting…]> ");
        client.awaitOutput("reconnecting in 0.5 s");

        FakeServer.Peer second = server.accept();
        Envelope<Command> hello = second.read();
        second.send(new Event.Welcome("alice", "FakeServer", 1, "token-1", 65_536, 4_000, 0, 10, 60_000L, true,
                null), hello.ref());
        second.send(new Event.Users("lobby", List.of("alice", "bob")), hello.ref());
        second.send(new Event.Message("lobby", "bob", "while you were out", false, 1L, TS, true));
        Envelope<Command> ping = second.expectEnvelope(Command.Ping.class);
        second.send(new Event.Pong(), ping.ref());
        client.awaitOutput("#lobby (history) <bob> while you were out");
        assertTrue(client.out().contains("\u001b[2mwhile you were out"), "dimmed: " + client.out());
        client.type("x");
        client.awaitOutput("alice #lobby> x");
    }

    @Test
    void takenNickAtLoginAsksForAnother() throws Exception {
        start();
        FakeServer.Peer first = server.accept();
        first.expect(Command.Hello.class);
        first.send(new Event.Error(ErrorCode.NICK_TAKEN, "in use"), "hello");
        client.awaitOutput("another nick: ");
        assertTrue(client.text().contains("nick 'alice' is already taken on 127.0.0.1:" + server.port() + "."));
        client.type("9x\ralice2\r");
        FakeServer.Peer second = server.accept();
        assertEquals(new Command.Hello("alice2"), second.expect(Command.Hello.class));
        assertTrue(client.text().contains("'9x' is not a valid nick"), client.text());
    }

    @Test
    void giving_upOnANewNickExitsTwo() throws Exception {
        start();
        FakeServer.Peer first = server.accept();
        first.expect(Command.Hello.class);
        first.send(new Event.Error(ErrorCode.NICK_TAKEN, "in use"), "hello");
        client.awaitOutput("another nick: ");
        client.type("\u0004");
        assertEquals(Main.LOGIN_REFUSED, client.exitCode());
    }

    @Test
    void nicksAreColouredUnlessNoColorIsSet() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        peer.send(new Event.Message("lobby", "bob", "in colour", false, 1L, TS, false));
        client.awaitOutput("in colour");
        assertTrue(FOREGROUND_COLOUR.matcher(client.out()).find());
    }

    @Test
    void noColorVariableTurnsColoursOff() throws Exception {
        client = ClientRun.interactive(home).withVariable("NO_COLOR", "1").start("--plain", "--host", "127.0.0.1", "--port",
                String.valueOf(server.port()), "--nick", "alice");
        FakeServer.Peer peer = acceptIntoLobby();
        peer.send(new Event.Message("lobby", "bob", "no colour", false, 1L, TS, false));
        client.awaitOutput("no colour");
        assertFalse(FOREGROUND_COLOUR.matcher(client.out()).find(), client.out());
    }

    @Test
    void hostileEscapesFromTheNetworkNeverReachTheTerminal() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        peer.send(new Event.Left("lobby", "bob", "\u001b]0;pwned\u0007\u001b[2J"));
        client.awaitOutput("(^[]0;pwned^G^[[2J)");
        assertFalse(client.out().contains("\u001b]0;"));
        assertFalse(client.out().contains("\u001b[2J"));
    }
}
