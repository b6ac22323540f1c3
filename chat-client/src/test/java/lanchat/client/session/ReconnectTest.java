package lanchat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * The line-mode client against the {@link FakeServer} when its connection is lost: it reconnects, resumes with its
 * token and last seqs, shows each message once, and sends what was typed meanwhile — or says what it could not.
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class ReconnectTest {
    private static final String TS1 = "2024-05-01T12:00:01Z";
    private static final String TS2 = "2024-05-01T12:00:02Z";
    private static final String TS3 = "2024-05-01T12:00:03Z";

    @TempDir
    Path home;

    private final FakeServer server = new FakeServer();
    private ClientRun client;

    ReconnectTest() throws IOException {
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
                String.valueOf(server.port()), "--nick", "bot"));
        args.addAll(List.of(more));
        try {
            client = ClientRun.lineMode(home).start(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return client;
    }

    /** Accepts the client, welcomes it with {@code token-1}, and answers its join of the lobby. */
    private FakeServer.Peer acceptIntoLobby() throws IOException {
        FakeServer.Peer peer = server.acceptAndWelcome();
        Envelope<Command> join = peer.expectEnvelope(Command.Join.class);
        peer.send(new Event.Joined("lobby", "bot"), join.ref());
        peer.send(new Event.Users("lobby", List.of("alice", "bot")), join.ref());
        client.awaitOutput("in #lobby: alice, bot (2)");
        return peer;
    }

    private static Event.Welcome welcome(boolean resumed, String token) {
        return new Event.Welcome("bot", "FakeServer", 1, token, 65_536, 4_000, 0, 10, 60_000L, resumed, null);
    }

    private static Event.Message fromAlice(String text, long seq, String ts, boolean history) {
        return new Event.Message("lobby", "alice", text, false, seq, ts, history);
    }

    /** Answers the client's ping that closes its catch-up. */
    private static void answerCatchUpPing(FakeServer.Peer peer) throws IOException {
        Envelope<Command> ping = peer.expectEnvelope(Command.Ping.class);
        peer.send(new Event.Pong(), ping.ref());
    }

    @Test
    void lostConnectionIsResumedAndEachMessageShownOnceThenWhatWasTypedMeanwhileIsSent() throws Exception {
        start();
        FakeServer.Peer first = acceptIntoLobby();
        first.send(fromAlice("one", 1, TS1, false));
        first.send(fromAlice("two", 2, TS2, false));
        client.awaitOutput("<alice> two");
        first.cut();
        client.awaitError("reconnecting in 0.5 s");
        client.type("typed while away\n");
        client.awaitError("not connected: will send \"typed while away\" once reconnected (1 waiting)");

        FakeServer.Peer second = server.accept();
        Envelope<Command> hello = second.read();
        assertEquals(new Command.Hello("bot", 1, null, new Command.Resume("token-1", Map.of("lobby", 2L))),
                hello.message());
        second.send(welcome(true, "token-1"), hello.ref());
        second.send(new Event.Users("lobby", List.of("alice", "bot")), hello.ref());
        second.send(fromAlice("two", 2, TS2, true));
        second.send(fromAlice("three", 3, TS3, true));
        answerCatchUpPing(second);
        assertEquals(new Command.Say("lobby", "typed while away"), second.expect(Command.Say.class));
        client.awaitOutput("#lobby (history) <alice> three");
        client.awaitError("reconnected: session resumed");
        assertEquals(1, count(client.out(), "<alice> two"), client.out());
        assertEquals(0, count(client.out(), "(history) <alice> two"), client.out());
    }

    @Test
    void aSayTheServerHadBeforeTheLossIsNotSentTwiceButOneItMissedIs() throws Exception {
        start();
        FakeServer.Peer first = acceptIntoLobby();
        client.type("made it\nlost it\n");
        first.expect(Command.Say.class);
        first.expect(Command.Say.class);
        first.cut();

        FakeServer.Peer second = server.accept();
        Envelope<Command> hello = second.read();
        second.send(welcome(true, "token-1"), hello.ref());
        second.send(new Event.Users("lobby", List.of("alice", "bot")), hello.ref());
        second.send(new Event.Message("lobby", "bot", "made it", false, 1L, TS1, true));
        answerCatchUpPing(second);
        assertEquals(new Command.Say("lobby", "lost it"), second.expect(Command.Say.class));
        client.type("/who\n");
        assertEquals(new Command.Who("lobby"), second.expect(Command.Who.class), "and nothing else before it");
    }

    @Test
    void aSessionTheServerNoLongerHasStartsAfreshAndRejoinsItsRooms() throws Exception {
        start();
        FakeServer.Peer first = acceptIntoLobby();
        first.send(fromAlice("one", 1, TS1, false));
        client.awaitOutput("<alice> one");
        first.send(new Event.Bye("server shutting down"));
        first.close();

        FakeServer.Peer second = server.accept();
        Envelope<Command> hello = second.read();
        second.send(new Event.Error(ErrorCode.RESUME_FAILED, "no session to resume"), hello.ref());
        second.send(welcome(false, "token-2"), hello.ref());
        Envelope<Command> join = second.expectEnvelope(Command.Join.class);
        assertEquals(new Command.Join("lobby"), join.message());
        second.send(new Event.Joined("lobby", "bot"), join.ref());
        second.send(new Event.Users("lobby", List.of("alice", "bot")), join.ref());
        second.send(fromAlice("one", 1, TS1, true));
        second.send(fromAlice("two", 2, TS2, true));
        answerCatchUpPing(second);
        client.awaitOutput("(history) <alice> two");
        client.awaitError("reconnected as a new session (the server no longer had the old one); rejoining #lobby");
        assertEquals(1, count(client.out(), "<alice> one"), client.out());

        second.cut();
        FakeServer.Peer third = server.accept();
        assertEquals(new Command.Hello("bot", 1, null, new Command.Resume("token-2", Map.of("lobby", 2L))),
                third.read().message(), "the new session's token next time");
    }

    @Test
    void aServerSilentForThreeIdleTimeoutsIsTakenForLostAndReplaced() throws Exception {
        start();
        FakeServer.Peer silent = server.accept();
        Envelope<Command> hello = silent.read();
        silent.send(new Event.Welcome("bot", "FakeServer", 1, "token-1", 65_536, 4_000, 0, 10, 100L, false, null),
                hello.ref());
        silent.expect(Command.Join.class);
        client.awaitError("lost the connection to 127.0.0.1:" + server.port()
                + ": no word from the server for 0.3 s — reconnecting in 0.5 s…");
        FakeServer.Peer next = server.accept();
        assertEquals(new Command.Resume("token-1", Map.of()), next.expect(Command.Hello.class).resume(),
                "no room was ever confirmed, so none is named");
    }

    @Test
    void anErrorThatEndsTheSessionIsNotReconnected() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        peer.send(new Event.Error(ErrorCode.TOO_MANY_ERRORS, "enough"));
        peer.close();
        assertEquals(Main.CONNECTION_PROBLEM, client.exitCode());
        assertTrue(client.out().contains("!!! the server gave up on this connection after too many errors"),
                client.out());
    }

    @Test
    void endOfInputWhileReconnectingListsWhatWasNotSentAndExitsOne() throws Exception {
        start();
        FakeServer.Peer peer = acceptIntoLobby();
        peer.cut();
        client.awaitError("reconnecting in 0.5 s");
        client.type("into the void\n");
        client.endInput();
        assertEquals(Main.CONNECTION_PROBLEM, client.exitCode());
        assertTrue(client.err().contains("not sent (no connection): into the void\n"), client.err());
    }

    private static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }
}
