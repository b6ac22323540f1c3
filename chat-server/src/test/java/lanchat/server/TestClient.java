package lanchat.server;

import lanchat.server.session.Frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameReader;
import lanchat.protocol.wire.FrameWriter;

/**
 * A scripted client for server tests: a socket on 127.0.0.1, a reader thread that decodes every frame into a
 * queue, and helpers to send commands and to expect events in order. Close it (try-with-resources or
 * {@code @AfterEach}); closing twice is fine.
 */
public final class TestClient implements AutoCloseable {
    public static final long WAIT_SECONDS = 5;

    private final Socket socket;
    private final Socket raw; // the TCP socket under a TLS one, or the socket itself
    private final OutputStream out;
    private final BlockingQueue<Envelope<Event>> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final ReentrantLock sending = new ReentrantLock();
    private volatile IOException failure;
    private volatile boolean answeringPings;
    private int pings;
    private String nick;
    private Event.Welcome welcome;

    private TestClient(Socket socket, boolean reading) throws IOException {
        this(socket, socket, reading);
    }

    private TestClient(Socket socket, Socket raw, boolean reading) throws IOException {
        this.socket = socket;
        this.raw = raw;
        this.out = socket.getOutputStream();
        if (reading) {
            Thread.ofVirtual().name("test client reader").start(this::readAll);
        }
    }

    /** A connected client that reads everything the server sends. */
    public static TestClient connect(int port) throws IOException {
        return connect(InetAddress.getLoopbackAddress(), port);
    }

    /** A connected client on {@code address} (e.g. ::1) that reads everything the server sends. */
    public static TestClient connect(InetAddress address, int port) throws IOException {
        return connect(address, port, false);
    }

    /** A connected client on {@code address}, over TLS when {@code tls}, that reads everything. */
    public static TestClient connect(InetAddress address, int port, boolean tls) throws IOException {
        Socket raw = new Socket(address, port);
        return new TestClient(tls ? TestTls.layer(raw) : raw, raw, true);
    }

    /**
     * A connected client whose socket has the source address {@code source}, e.g. 127.0.0.2: one LAN host of
     * several, played on loopback.
     */
    public static TestClient connectFrom(String source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new java.net.InetSocketAddress(source, 0));
        socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new TestClient(socket, true);
    }

    /**
     * Connects from {@code source} and writes {@code first} before reading anything: a client whose frame is on
     * its way before the server's answer to the connection can arrive.
     */
    public static TestClient connectFromSending(String source, int port, Command first) throws IOException {
        Socket socket = new Socket();
        socket.bind(new java.net.InetSocketAddress(source, 0));
        socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.getOutputStream().write(FrameWriter.frame(MessageCodec.encode(first, null), Frames.MAX_FRAME_BYTES));
        return new TestClient(socket, true);
    }

    /** Connects from {@code source} (see {@link #connectFrom}) and completes hello as {@code nick}. */
    public static TestClient registeredFrom(String source, int port, String nick) throws IOException, InterruptedException {
        TestClient client = connectFrom(source, port);
        client.send(new Command.Hello(nick));
        client.welcome = client.expect(Event.Welcome.class);
        client.nick = nick;
        return client;
    }

    /** A connected client that never reads, with a small receive buffer so the server's writes back up soon. */
    public static TestClient connectWithoutReading(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new TestClient(socket, false);
    }

    /** Connects and completes hello as {@code nick}. */
    public static TestClient registered(int port, String nick) throws IOException, InterruptedException {
        return registered(InetAddress.getLoopbackAddress(), port, nick);
    }

    /** Connects to {@code address} and completes hello as {@code nick}. */
    public static TestClient registered(InetAddress address, int port, String nick)
            throws IOException, InterruptedException {
        return registered(address, port, nick, false);
    }

    /** Connects to {@code address}, over TLS when {@code tls}, and completes hello as {@code nick}. */
    static TestClient registered(InetAddress address, int port, String nick, boolean tls)
            throws IOException, InterruptedException {
        TestClient client = connect(address, port, tls);
        client.send(new Command.Hello(nick));
        client.welcome = client.expect(Event.Welcome.class);
        assertEquals(nick, client.welcome.nick());
        client.nick = nick;
        return client;
    }

    /**
     * Connects and resumes the session of {@code token} with hello ref {@code "r"}, expecting it to work: returns
     * the client after its {@code welcome{resumed:true}}, everything after it still to be read.
     */
    public static TestClient resumed(int port, String nick, String token, Map<String, Long> lastSeqs)
            throws IOException, InterruptedException {
        return resumed(port, nick, token, lastSeqs, false);
    }

    /** {@link #resumed(int, String, String, Map)}, over TLS when {@code tls}. */
    static TestClient resumed(int port, String nick, String token, Map<String, Long> lastSeqs, boolean tls)
            throws IOException, InterruptedException {
        TestClient client = connect(InetAddress.getLoopbackAddress(), port, tls);
        client.send(new Command.Hello(nick, 1, null, new Command.Resume(token, lastSeqs)), "r");
        Envelope<Event> welcome = client.next();
        client.welcome = assertInstanceOf(Event.Welcome.class, welcome.message());
        assertEquals(true, client.welcome.resumed(), "resumed");
        assertEquals("r", welcome.ref());
        client.nick = client.welcome.nick();
        return client;
    }

    public void send(Command command) throws IOException {
        send(command, null);
    }

    public void send(Command command, String ref) throws IOException {
        sendRaw(FrameWriter.frame(MessageCodec.encode(command, ref), Frames.MAX_FRAME_BYTES));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        sending.lock();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            sending.unlock();
        }
    }

    /** From now on the reader thread answers every server ping with a pong, and does not queue the pings. */
    public void answerPings() {
        answeringPings = true;
    }

    /**
     * Cuts the connection abruptly, as a network failure would: a reset (SO_LINGER 0), no {@code quit}. Frames the
     * reader had already queued stay readable.
     */
    public void cut() throws IOException {
        // The TCP socket itself: closing a TLS socket would first send a polite close_notify.
        raw.setSoLinger(true, 0);
        raw.close();
    }

    /** The welcome of {@link #registered} or {@link #resumed}: the nick and the session token. */
    public Event.Welcome welcome() {
        return welcome;
    }

    /** Half-closes: the server reads end of stream, this client can still read. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Joins {@code room}, checks the own {@code joined}, and returns the {@code users} that follows it. */
    public Event.Users join(String room) throws IOException, InterruptedException {
        send(new Command.Join(room));
        assertEquals(new Event.Joined(room, nick), expect(Event.Joined.class));
        return expect(Event.Users.class);
    }

    /** The next frame from the server, failing after {@value #WAIT_SECONDS} s. */
    public Envelope<Event> next() throws InterruptedException {
        Envelope<Event> envelope = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(envelope, "no frame from the server within " + WAIT_SECONDS + " s");
        return envelope;
    }

    /** The next event, which must be a {@code type}. */
    <T extends Event> T expect(Class<T> type) throws InterruptedException {
        return assertInstanceOf(type, next().message());
    }

    /** The next event, which must be an error with {@code code}; returns it with its ref. */
    public Envelope<Event> expectError(ErrorCode code) throws InterruptedException {
        Envelope<Event> envelope = next();
        Event.Error error = assertInstanceOf(Event.Error.class, envelope.message());
        assertEquals(code.wire(), error.code(), error.message());
        return envelope;
    }

    /**
     * Sends a ping and returns every event that arrived before its pong: since the server answers in order, these
     * are all the events queued for this client before the ping was handled.
     */
    public List<Event> sync() throws IOException, InterruptedException {
        String ref = "sync-" + (++pings);
        send(new Command.Ping(), ref);
        List<Event> before = new ArrayList<>();
        for (Envelope<Event> envelope = next(); !ref.equals(envelope.ref()); envelope = next()) {
            before.add(envelope.message());
        }
        return before;
    }

    /** Waits for the server to close the connection; everything it sent before is still in the queue. */
    public void awaitEnd() throws InterruptedException {
        if (!ended.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not close the connection within " + WAIT_SECONDS + " s");
        }
    }

    /** True once the server closed the connection (or reset it). */
    public boolean ended() {
        return ended.getCount() == 0;
    }

    /** Nothing left unread. */
    public boolean drained() {
        return events.isEmpty();
    }

    private void readAll() {
        try {
            FrameReader frames = new FrameReader(socket.getInputStream(), Frames.MAX_FRAME_BYTES);
            for (var envelope = MessageCodec.readEvent(frames); envelope != null;
                    envelope = MessageCodec.readEvent(frames)) {
                if (answeringPings && envelope.message() instanceof Event.Ping) {
                    send(new Command.Pong());
                } else {
                    events.add(envelope);
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            // What a well-behaved client does at the end of the stream: close its side too.
            closeQuietly();
            ended.countDown();
        }
    }

    public IOException failure() {
        return failure;
    }

    public String nick() {
        return nick;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
