package lanchat.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lanchat.client.FakeServer;
import lanchat.client.ui.ErrorSentences;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.wire.FrameWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class ChatConnectionTest {
    private static final Duration SHORT = Duration.ofMillis(500);

    private final FakeServer server = new FakeServer();
    private final RecordingListener listener = new RecordingListener();
    private final List<ChatConnection> connections = new ArrayList<>();

    ChatConnectionTest() throws IOException {
    }

    @AfterEach
    void closeEverything() throws IOException {
        connections.forEach(ChatConnection::close);
        server.close();
    }

    private ChatConnection open(Duration timeout) throws ConnectionFailure {
        ChatConnection connection = ChatConnection.open("127.0.0.1", server.port(), timeout);
        connections.add(connection);
        return connection;
    }

    /** Connects, logs in as alice against the fake server, starts the reader; returns the server's side. */
    private FakeServer.Peer loggedIn(ChatConnection connection) throws Exception {
        CompletableFuture<Event.Welcome> welcome = helloInBackground(connection, "alice");
        FakeServer.Peer peer = server.acceptAndWelcome();
        assertEquals("alice", welcome.get(5, TimeUnit.SECONDS).nick());
        connection.start(listener);
        return peer;
    }

    private static CompletableFuture<Event.Welcome> helloInBackground(ChatConnection connection, String nick) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return connection.hello(new Command.Hello(nick));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void helloIsSentWithItsRefAndTheWelcomeReturned() throws Exception {
        ChatConnection connection = open(SHORT);
        CompletableFuture<Event.Welcome> welcome = helloInBackground(connection, "alice");
        FakeServer.Peer peer = server.accept();
        Envelope<Command> hello = peer.expectEnvelope(Command.Hello.class);
        assertEquals(new Command.Hello("alice"), hello.message());
        assertEquals("hello", hello.ref());
        peer.send(FakeServer.welcome("alice"), "hello");
        assertEquals(FakeServer.welcome("alice"), welcome.get(5, TimeUnit.SECONDS));
        assertEquals(FakeServer.welcome("alice"), connection.welcome());
    }

    @Test
    void pingBeforeTheWelcomeIsAnswered() throws Exception {
        ChatConnection connection = open(SHORT);
        CompletableFuture<Event.Welcome> welcome = helloInBackground(connection, "alice");
        FakeServer.Peer peer = server.accept();
        peer.expect(Command.Hello.class);
        peer.send(new Event.Ping());
        assertEquals(new Command.Pong(), peer.expect(Command.Pong.class));
        peer.send(FakeServer.welcome("alice"), "hello");
        assertEquals("alice", welcome.get(5, TimeUnit.SECONDS).nick());
    }

    @Test
    void nickTakenAtHelloIsALoginRefusal() throws Exception {
        ChatConnection connection = open(SHORT);
        CompletableFuture<Event.Welcome> welcome = helloInBackground(connection, "alice");
        FakeServer.Peer peer = server.accept();
        peer.expect(Command.Hello.class);
        peer.send(new Event.Error(ErrorCode.NICK_TAKEN, "nick alice is in use"), "hello");
        Throwable thrown = assertThrows(Exception.class, () -> welcome.get(5, TimeUnit.SECONDS)).getCause().getCause();
        LoginRefused refused = (LoginRefused) thrown;
        assertEquals(ErrorCode.NICK_TAKEN, refused.code().orElseThrow());
        assertEquals("nick 'alice' is already taken on 127.0.0.1:" + server.port(), ErrorSentences.refusedLogin(refused));
    }

    @Test
    void silentServerGivesNoWelcomeFailure() throws Exception {
        ChatConnection connection = open(SHORT);
        server.accept();
        ConnectionFailure failure = assertThrows(ConnectionFailure.class,
                () -> connection.hello(new Command.Hello("alice")));
        assertEquals("127.0.0.1:" + server.port() + " accepted the connection but sent no welcome within 0.5 s"
                + " — is it a LanChat server?", failure.getMessage());
    }

    @Test
    void serverClosingBeforeTheWelcomeSaysWhy() throws Exception {
        ChatConnection connection = open(SHORT);
        CompletableFuture<Event.Welcome> welcome = helloInBackground(connection, "alice");
        FakeServer.Peer peer = server.accept();
        peer.expect(Command.Hello.class);
        peer.send(new Event.Bye("server is shutting down"));
        peer.close();
        Throwable thrown = assertThrows(Exception.class, () -> welcome.get(5, TimeUnit.SECONDS)).getCause().getCause();
        assertEquals("the server at 127.0.0.1:" + server.port() + " closed the connection: server is shutting down",
                ErrorSentences.connectionFailed((ConnectionFailure) thrown));
    }

    @Test
    void refusedConnectionIsOneSentence() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ConnectionFailure failure = assertThrows(ConnectionFailure.class,
                () -> ChatConnection.open("127.0.0.1", closedPort, SHORT));
        assertEquals("no LanChat server at 127.0.0.1:" + closedPort + " — is it running?", failure.getMessage());
    }

    @Test
    void unknownHostIsOneSentence() {
        ConnectionFailure failure = assertThrows(ConnectionFailure.class,
                () -> ChatConnection.open("no-such-host.invalid", 7777, SHORT));
        assertEquals("unknown host 'no-such-host.invalid' — check --host", failure.getMessage());
    }

    @Test
    void eventsReachTheListenerWithTheCommandTheyAnswer() throws Exception {
        ChatConnection connection = open(SHORT);
        FakeServer.Peer peer = loggedIn(connection);
        connection.send(new Command.Join("dev"));
        Envelope<Command> join = peer.expectEnvelope(Command.Join.class);
        peer.send(new Event.Error(ErrorCode.ROOM_INVALID, "no"), join.ref());
        peer.send(new Event.Joined("lobby", "bob"));
        Incoming error = listener.next();
        assertEquals(new Command.Join("dev"), error.answers());
        assertEquals(join.ref(), error.ref());
        assertEquals(new Incoming(new Event.Joined("lobby", "bob"), null, null), listener.next());
    }

    @Test
    void everyCommandGetsItsOwnRef() throws Exception {
        ChatConnection connection = open(SHORT);
        FakeServer.Peer peer = loggedIn(connection);
        connection.send(new Command.ListRooms());
        connection.send(new Command.ListRooms());
        assertEquals("c1", peer.read().ref());
        assertEquals("c2", peer.read().ref());
    }

    @Test
    void pingIsAnsweredWithPongAndStillDelivered() throws Exception {
        ChatConnection connection = open(SHORT);
        FakeServer.Peer peer = loggedIn(connection);
        peer.send(new Event.Ping());
        Envelope<Command> pong = peer.expectEnvelope(Command.Pong.class);
        assertNull(pong.ref());
        assertEquals(new Event.Ping(), listener.next().event());
    }

    @Test
    void quitIsSentAfterEverythingBeforeItAndWaitsForTheServer() throws Exception {
        ChatConnection connection = open(SHORT);
        FakeServer.Peer peer = loggedIn(connection);
        for (int i = 0; i < 200; i++) {
            connection.send(new Command.Say("lobby", "line " + i));
        }
        CompletableFuture<Void> quit = CompletableFuture.runAsync(() -> connection.quit("done", Duration.ofSeconds(5)));
        for (int i = 0; i < 200; i++) {
            assertEquals(new Command.Say("lobby", "line " + i), peer.expect(Command.Say.class));
        }
        assertEquals(new Command.Quit("done"), peer.expect(Command.Quit.class));
        assertFalse(quit.isDone());
        peer.send(new Event.Bye("quit"));
        peer.close();
        quit.get(5, TimeUnit.SECONDS);
        assertEquals(new ConnectionEnd(true, "127.0.0.1:" + server.port(), "quit", null), listener.closure());
    }

    @Test
    void serverByeAndCloseIsReportedWithTheReason() throws Exception {
        ChatConnection connection = open(SHORT);
        FakeServer.Peer peer = loggedIn(connection);
        peer.send(new Event.Bye("server shutting down"));
        peer.close();
        ConnectionEnd closure = listener.closure();
        assertEquals(new ConnectionEnd(false, "127.0.0.1:" + server.port(), "server shutting down", null), closure);
        assertEquals("the server at 127.0.0.1:" + server.port() + " closed the connection: server shutting down",
                ErrorSentences.connectionEnded(closure));
    }

    @Test
    void serverCloseWithoutByeIsReported() throws Exception {
        ChatConnection connection = open(SHORT);
        loggedIn(connection).close();
        assertEquals("the server at 127.0.0.1:" + server.port() + " closed the connection",
                ErrorSentences.connectionEnded(listener.closure()));
    }

    @Test
    void closeIsIdempotentAndEndsTheReaderAsRequested() throws Exception {
        ChatConnection connection = open(SHORT);
        FakeServer.Peer peer = loggedIn(connection);
        connection.close();
        connection.close();
        assertEquals(new ConnectionEnd(true, "127.0.0.1:" + server.port(), null, null), listener.closure());
        peer.expectEnd();
        assertTrue(connection.awaitEnd(SHORT));
        assertThrows(IOException.class, () -> connection.send(new Command.ListRooms()));
    }

    @Test
    void undecodableFrameIsSkippedAndReadingGoesOn() throws Exception {
        ChatConnection connection = open(SHORT);
        FakeServer.Peer peer = loggedIn(connection);
        peer.sendRaw(FrameWriter.frame("{\"type\":\"hologram\"}".getBytes(StandardCharsets.UTF_8), 100));
        peer.send(new Event.Joined("lobby", "bob"));
        assertEquals(new Event.Joined("lobby", "bob"), listener.next().event());
        assertEquals(ErrorCode.UNKNOWN_TYPE, listener.skipped.get(0).code());
    }

    @Test
    void brokenFramingEndsTheConnectionWithTheReason() throws Exception {
        ChatConnection connection = open(SHORT);
        FakeServer.Peer peer = loggedIn(connection);
        peer.sendRaw(new byte[] {0, 0, 0, 0});
        assertEquals("lost the connection to 127.0.0.1:" + server.port() + ": the server sent a broken frame"
                + " (frame_empty): frame length is 0; a frame holds 1 or more bytes",
                ErrorSentences.connectionEnded(listener.closure()));
    }

    @Test
    void startBeforeHelloIsRefused() throws Exception {
        ChatConnection connection = open(SHORT);
        assertThrows(IllegalStateException.class, () -> connection.start(listener));
    }

    @Test
    void connectTimeoutIsOneSentence() throws Exception {
        // A listening socket whose accept queue is full drops new SYNs, so connect() waits until the timeout.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                ConnectionFailure failure = null;
                for (int i = 0; i < 8 && failure == null; i++) {
                    try {
                        fillers.add(connectPlain(full.getLocalPort()));
                    } catch (IOException e) {
                        failure = assertThrows(ConnectionFailure.class,
                                () -> ChatConnection.open("127.0.0.1", full.getLocalPort(), Duration.ofMillis(200)));
                    }
                }
                assertEquals("no answer from 127.0.0.1:" + full.getLocalPort() + " within 0.2 s — is the host up"
                        + " and the port open?", failure == null ? null : failure.getMessage());
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    private static Socket connectPlain(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
        return socket;
    }
}
