package lanchat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.client.net.Incoming;
import lanchat.client.ClientRun;
import lanchat.client.FakeServer;
import lanchat.client.Main;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main} with piped standard input, against the {@link FakeServer}. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class LineModeTest {
    private static final String TS = "2024-05-01T12:34:56Z";

    @TempDir
    Path home;

    private final FakeServer server = new FakeServer();
    private ClientRun client;

    LineModeTest() throws IOException {
    }

    @AfterEach
    void closeEverything() throws IOException {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private ClientRun start(String... args) throws IOException {
        client = ClientRun.lineMode(home).start(args);
        return client;
    }

    private String[] args(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("--plain", "--host", "127.0.0.1", "--port",
                String.valueOf(server.port())));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Accepts the client, welcomes it, and answers its join of {@code room}. */
    private FakeServer.Peer acceptIntoRoom(String nick, String room) throws IOException {
        FakeServer.Peer peer = server.acceptAndWelcome();
        Envelope<Command> join = peer.expectEnvelope(Command.Join.class);
        assertEquals(new Command.Join(room), join.message());
        peer.send(new Event.Joined(room, nick), join.ref());
        peer.send(new Event.Users(room, List.of(nick)), join.ref());
        return peer;
    }

    private static void answerQuit(FakeServer.Peer peer) throws IOException {
        peer.expect(Command.Quit.class);
        peer.send(new Event.Bye("quit"));
        peer.close();
    }

    @Test
    void linesAreSentAndEventsPrintedOnePlainLineEach() throws Exception {
        start(args("--nick", "bot"));
        FakeServer.Peer peer = acceptIntoRoom("bot", "lobby");
        client.awaitOutput("--> you joined #lobby");
        client.type("hello there\n");
        assertEquals(new Command.Say("lobby", "hello there"), peer.expect(Command.Say.class));
        peer.send(new Event.Message("lobby", "bot", "hello there", false, 1L, TS, false));
        client.awaitOutput("#lobby <bot> hello there\n");
        assertFalse(client.out().contains("\u001b"));
    }

    @Test
    void endOfInputSendsQuitAfterEveryLineAndExitsZero() throws Exception {
        start(args("--nick", "bot", "--room", "dev"));
        FakeServer.Peer peer = acceptIntoRoom("bot", "dev");
        client.type("one\ntwo\n/me three\n");
        client.endInput();
        assertEquals(new Command.Say("dev", "one"), peer.expect(Command.Say.class));
        assertEquals(new Command.Say("dev", "two"), peer.expect(Command.Say.class));
        assertEquals(new Command.Say("dev", "three", true), peer.expect(Command.Say.class));
        answerQuit(peer);
        assertEquals(Main.OK, client.exitCode());
    }

    @Test
    void quitCommandSendsItsReasonAndExitsZero() throws Exception {
        start(args("--nick", "bot"));
        FakeServer.Peer peer = acceptIntoRoom("bot", "lobby");
        client.type("/quit see you\n");
        assertEquals(new Command.Quit("see you"), peer.expect(Command.Quit.class));
        peer.close();
        assertEquals(Main.OK, client.exitCode());
    }

    @Test
    void hintsGoToStandardErrorAndNothingIsSent() throws Exception {
        start(args("--nick", "bot"));
        FakeServer.Peer peer = acceptIntoRoom("bot", "lobby");
        client.type("/join\n/who\n");
        assertEquals(new Command.Who("lobby"), peer.expect(Command.Who.class));
        assertEquals("usage: /join ROOM\n", client.err());
    }

    @Test
    void errorsArePrintedAsSentences() throws Exception {
        start(args("--nick", "bot"));
        FakeServer.Peer peer = acceptIntoRoom("bot", "lobby");
        client.type("/msg zed hi\n");
        Envelope<Command> whisper = peer.expectEnvelope(Command.Whisper.class);
        peer.send(new Event.Error(ErrorCode.NO_SUCH_NICK, "no such nick: zed"), whisper.ref());
        client.awaitOutput("!!! nobody called 'zed' is online\n");
    }

    @Test
    void jsonModePrintsEveryFrameAsAJsonLine() throws Exception {
        start(args("--nick", "bot", "--json"));
        FakeServer.Peer peer = acceptIntoRoom("bot", "lobby");
        peer.send(new Event.Left("lobby", "eve", "bye\u009b"));
        client.awaitOutput("\"type\":\"left\"");
        assertEquals(List.of(
                "{\"type\":\"welcome\",\"nick\":\"bot\",\"server\":\"FakeServer\",\"protocol\":1,\"token\":\"token-1\","
                        + "\"maxFrameBytes\":65536,\"maxTextChars\":4000,\"rateLimit\":5,\"rateBurst\":10,"
                        + "\"idleTimeoutMs\":60000,\"resumed\":false}",
                "{\"type\":\"joined\",\"room\":\"lobby\",\"nick\":\"bot\",\"ref\":\"c1\"}",
                "{\"type\":\"users\",\"room\":\"lobby\",\"nicks\":[\"bot\"],\"ref\":\"c1\"}",
                "{\"type\":\"left\",\"room\":\"lobby\",\"nick\":\"eve\",\"reason\":\"bye\\u009b\"}"),
                client.out().lines().toList());
    }

    @Test
    void jsonEscapesBidiAndZeroWidthCharactersSoTheLineReadsAsItIs() throws Exception {
        Event.Message message = new Event.Message("lobby", "eve", "\u202Eabc\u2066\u200B\u200E\u061C\uFEFF"
                + Character.toString(0xE0041), false, 1L, "2026-01-01T00:00:00.000Z", false);
        String line = LineMode.json(new Incoming(message, null, null));
        assertEquals("{\"type\":\"message\",\"room\":\"lobby\",\"from\":\"eve\",\"text\":"
                + "\"\\u202eabc\\u2066\\u200b\\u200e\\u061c\\ufeff\\udb40\\udc41\",\"action\":false,\"seq\":1,"
                + "\"ts\":\"2026-01-01T00:00:00.000Z\",\"history\":false}", line);
        assertEquals(message, MessageCodec.decodeEvent(line.getBytes(StandardCharsets.UTF_8)).message());
    }

    @Test
    void nickTakenExitsTwoAndSaysWhy() throws Exception {
        start(args("--nick", "bob"));
        FakeServer.Peer peer = server.accept();
        peer.expect(Command.Hello.class);
        peer.send(new Event.Error(ErrorCode.NICK_TAKEN, "nick bob is in use"), "hello");
        assertEquals(Main.LOGIN_REFUSED, client.exitCode());
        assertEquals("nick 'bob' is already taken on 127.0.0.1:" + server.port()
                + " — choose another with --nick\n", client.err());
    }

    @Test
    void withoutReconnectServerClosingExitsOneWithTheByeReason() throws Exception {
        start(args("--nick", "bot", "--no-reconnect"));
        FakeServer.Peer peer = acceptIntoRoom("bot", "lobby");
        client.awaitOutput("--> you joined #lobby");
        peer.send(new Event.Bye("server shutting down"));
        peer.close();
        assertEquals(Main.CONNECTION_PROBLEM, client.exitCode());
        assertEquals("the server at 127.0.0.1:" + server.port() + " closed the connection: server shutting down\n",
                client.err());
    }

    @Test
    void noServerExitsOneWithOneSentence() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        client = ClientRun.lineMode(home).start("--host", "127.0.0.1", "--port", String.valueOf(closedPort));
        assertEquals(Main.CONNECTION_PROBLEM, client.exitCode());
        assertEquals("no LanChat server at 127.0.0.1:" + closedPort + " — is it running?\n", client.err());
    }

    @Test
    void defaultNickIsTheUserName() throws Exception {
        start(args());
        assertEquals(new Command.Hello("tester"), server.accept().expect(Command.Hello.class));
    }
}
