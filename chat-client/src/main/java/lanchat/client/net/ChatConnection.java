package lanchat.client.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.client.tls.Transport;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameReader;
import lanchat.protocol.wire.FrameWriter;

/**
 * One client connection to a LanChat server, without any user interface: the console, the tests and tools such
 * as a load generator all use it the same way.
 *
 * <pre>
 * ChatConnection connection = ChatConnection.open("localhost", 7777, ChatConnection.CONNECT_TIMEOUT);
 * Event.Welcome welcome = connection.hello(new Command.Hello("alice"));  // on the caller's thread
 * connection.start(listener);                                            // events now go to the listener
 * connection.send(new Command.Join("lobby"));
 * connection.quit(null, Duration.ofSeconds(2));                          // says goodbye, waits, closes
 * </pre>
 *
 * <p><b>Threads.</b> {@link #open} and {@link #hello} run on the caller's thread. {@link #start} starts the one
 * reader thread (virtual, named {@code reader host:port}), which decodes frames and hands them to the
 * {@link ConnectionListener}; it answers the server's {@code ping} with {@code pong} itself. Any thread may
 * {@link #send}: a lock lets one frame at a time onto the socket, and {@code send} returns once the whole frame
 * is in the kernel's send buffer (sendall framing, see {@link FrameWriter}), so after the last {@code send}
 * returns, everything sent is on its way, in order.
 *
 * <p><b>Silence.</b> A server pings a client that has been silent for its {@code idleTimeoutMs}, and answers
 * every command but {@code pong}, so a healthy connection is never quiet for much longer than that. After
 * {@value #SILENCE_FACTOR} times {@code idleTimeoutMs} without a single frame, the connection is taken for dead
 * (a network that vanished without a reset) and closed, like any lost connection.
 *
 * <p><b>Closing.</b> {@link #quit} sends {@code quit} and waits for the server to close its side, so nothing
 * sent before it is lost to a reset. {@link #close()} just closes the socket; it is idempotent and makes the
 * reader thread end with a {@link ConnectionEnd} whose {@code requested} is true.
 */
public final class ChatConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChatConnection.class.getName());
    /** How long connecting may take, and then again how long the server may take to answer {@code hello}. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Larger than any frame a server sends (its limit is for what it receives), small enough to be safe. */
    private static final int MAX_INCOMING_FRAME_BYTES = 1 << 20;
    private static final int REMEMBERED_COMMANDS = 64;
    /** How many idle timeouts of silence from the server make a connection count as dead. */
    static final int SILENCE_FACTOR = 3;

    private final Socket socket;
    private final String peer;
    private final Duration timeout;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final RecentCommands sent = new RecentCommands(REMEMBERED_COMMANDS);
    private final AtomicLong nextRef = new AtomicLong(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean endRequested = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Event.Welcome welcome;
    private volatile String byeReason;

    private ChatConnection(Socket socket, String peer, Duration timeout) throws IOException {
        this.socket = socket;
        this.peer = peer;
        this.timeout = timeout;
        this.reader = new FrameReader(socket.getInputStream(), MAX_INCOMING_FRAME_BYTES);
        // FrameWriter hands each frame to one write() and flushes: the buffer only joins header and body.
        this.writer = new FrameWriter(new BufferedOutputStream(socket.getOutputStream()));
    }

    /**
     * Connects to a server, waiting at most {@code timeout}; {@link #hello} then waits as long for the welcome.
     *
     * @throws ConnectionFailure with one sentence for the user: refused, unknown host, timed out
     */
    public static ChatConnection open(String host, int port, Duration timeout) throws ConnectionFailure {
        return open(host, port, timeout, Transport.PLAIN);
    }

    /**
     * Connects through {@code transport} (plain TCP, or TLS with the server's key checked), waiting at most
     * {@code timeout} for TCP and as long for the TLS handshake.
     *
     * @throws ConnectionFailure with one sentence for the user: refused, unknown host, timed out, key not trusted
     */
    public static ChatConnection open(String host, int port, Duration timeout, Transport transport)
            throws ConnectionFailure {
        String peer = host + ":" + port;
        Socket socket = null;
        try {
            socket = transport.connect(host, port, timeout);
            return new ChatConnection(socket, peer, timeout);
        } catch (IOException e) {
            if (socket != null) {
                closeQuietly(socket);
            }
            throw ConnectionFailure.connecting(host, peer, timeout, e);
        }
    }

    /**
     * Sends {@code hello} and reads until the server answers, on the caller's thread; call it once, before
     * {@link #start}. Pings are answered meanwhile. On a refusal the connection stays open (the server may
     * accept another {@code hello}); close it when giving up. A {@code hello} with {@code resume} that the server
     * cannot resume gets {@code error{resume_failed}} first, which is no refusal: the welcome that follows says
     * {@code resumed: false}.
     *
     * @return the server's welcome: the nick this client now has and the server's limits
     * @throws LoginRefused      the server answered with an error (nick taken, bad password, server full, ...)
     * @throws ConnectionFailure the server closed the connection, sent no welcome in time, or is no LanChat server
     */
    public Event.Welcome hello(Command.Hello hello) throws LoginRefused, ConnectionFailure {
        if (started.get()) {
            throw new IllegalStateException("hello() after start()");
        }
        try {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            write(hello, "hello");
            Event.Welcome answer = awaitWelcome(hello);
            // From now on silence is normal: the reader thread waits as long as it takes.
            socket.setSoTimeout(0);
            welcome = answer;
            return answer;
        } catch (SocketTimeoutException e) {
            throw ConnectionFailure.noWelcome(peer, timeout, e);
        } catch (ProtocolException e) {
            throw ConnectionFailure.notLanChat(peer, e);
        } catch (ConnectionFailure e) {
            throw e;
        } catch (IOException e) {
            throw ConnectionFailure.closed(new ConnectionEnd(false, peer, byeReason, ConnectionEnd.describe(e)));
        }
    }

    private Event.Welcome awaitWelcome(Command.Hello hello) throws IOException, LoginRefused {
        while (true) {
            Envelope<Event> envelope = MessageCodec.readEvent(reader);
            if (envelope == null) {
                throw ConnectionFailure.closed(new ConnectionEnd(false, peer, byeReason, null));
            }
            Event event = envelope.message();
            if (event instanceof Event.Welcome answer) {
                return answer;
            } else if (event instanceof Event.Error error && !isResumeFailed(error, hello)) {
                throw new LoginRefused(error, hello, peer);
            } else if (event instanceof Event.Ping) {
                write(new Command.Pong(), null);
            } else if (event instanceof Event.Bye bye) {
                byeReason = bye.reason();
            }
        }
    }

    private static boolean isResumeFailed(Event.Error error, Command.Hello hello) {
        return hello.resume() != null && ErrorCode.RESUME_FAILED.wire().equals(error.code());
    }

    /**
     * Starts the reader thread, which delivers every event to {@code listener} until the connection ends,
     * then calls {@link ConnectionListener#onClosed} once.
     */
    public void start(ConnectionListener listener) {
        if (welcome == null) {
            throw new IllegalStateException("start() before a successful hello()");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("start() called twice");
        }
        try {
            socket.setSoTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, silenceLimitMillis())));
        } catch (IOException e) {
            // A socket that cannot take a timeout is closed already; the reader thread finds that out at once.
        }
        Thread.ofVirtual().name("reader " + peer).start(() -> readLoop(listener));
    }

    /**
     * Sends a command with a fresh {@code ref}, so the server's direct reply can be matched to it
     * ({@link Incoming#answers()}). Returns when the frame is in the kernel's send buffer.
     *
     * @return the ref the command was sent with
     * @throws IOException when the connection is closed or broken; the reader thread reports the end too
     */
    public String send(Command command) throws IOException {
        String ref = "c" + nextRef.getAndIncrement();
        sent.remember(ref, command);
        write(command, ref);
        return ref;
    }

    /**
     * Sends a command without a {@code ref}, for frames no reply needs to be matched to: the chunks and
     * acknowledgements of a file transfer, which would otherwise crowd the chat commands out of the remembered
     * ones. Returns when the frame is in the kernel's send buffer.
     *
     * @throws IOException when the connection is closed or broken
     */
    public void sendWithoutRef(Command command) throws IOException {
        write(command, null);
    }

    /**
     * Ends the session politely: sends {@code quit}, waits up to {@code wait} for the server to close its side
     * (by then it has read everything sent before), then closes. Safe to call on a broken connection.
     */
    public void quit(String reason, Duration wait) {
        endRequested.set(true);
        try {
            write(new Command.Quit(reason), null);
            if (started.get()) {
                awaitEnd(wait);
            }
        } catch (IOException e) {
            // Already gone: there is nobody left to say goodbye to.
        } finally {
            close();
        }
    }

    /** Waits up to {@code wait} for the reader thread to end; true when it has. */
    public boolean awaitEnd(Duration wait) {
        try {
            return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The server's welcome, or null before {@link #hello} succeeded. */
    public Event.Welcome welcome() {
        return welcome;
    }

    /** "host:port" as given to {@link #open}. */
    public String peer() {
        return peer;
    }

    /** Closes the socket; a blocked read on the reader thread then fails and the thread ends. Idempotent. */
    @Override
    public void close() {
        endRequested.set(true);
        closeQuietly(socket);
    }

    @Override
    public String toString() {
        Event.Welcome current = welcome;
        return "ChatConnection " + (current == null ? "" : current.nick() + "@") + peer;
    }

    private void write(Command command, String ref) throws IOException {
        writeLock.lock();
        try {
            writer.write(MessageCodec.encode(command, ref));
        } finally {
            writeLock.unlock();
        }
    }

    private void readLoop(ConnectionListener listener) {
        ConnectionEnd closure;
        try {
            closure = readUntilEnd(listener);
        } catch (RuntimeException bug) {
            // A listener that throws is a bug in this program: say so loudly, and still end the session cleanly.
            LOG.log(System.Logger.Level.ERROR, "event listener failed on " + this, bug);
            closure = new ConnectionEnd(false, peer, byeReason, "the client failed: " + bug);
        }
        closeQuietly(socket);
        ended.countDown();
        listener.onClosed(closure);
    }

    private ConnectionEnd readUntilEnd(ConnectionListener listener) {
        try {
            Envelope<Event> envelope;
            while ((envelope = readNext(listener)) != null) {
                deliver(envelope, listener);
            }
            return new ConnectionEnd(endRequested.get(), peer, byeReason, null);
        } catch (SocketTimeoutException e) {
            return new ConnectionEnd(false, peer, byeReason, "no word from the server for "
                    + silenceLimitMillis() / 1000.0 + " s");
        } catch (IOException e) {
            // After our own close() or the server's bye, a failing read is just how the end looks.
            boolean expected = endRequested.get() || byeReason != null;
            return new ConnectionEnd(endRequested.get(), peer, byeReason, expected ? null : ConnectionEnd.describe(e));
        }
    }

    /** How long the server may stay silent before the connection counts as dead; 0 (never) without pings. */
    private long silenceLimitMillis() {
        return SILENCE_FACTOR * welcome.idleTimeoutMs();
    }

    /** The next decodable frame, or null at the end; frames that break only their own content are skipped. */
    private Envelope<Event> readNext(ConnectionListener listener) throws IOException {
        while (true) {
            try {
                return MessageCodec.readEvent(reader);
            } catch (ProtocolException e) {
                if (e.closesConnection()) {
                    throw e;
                }
                listener.onSkippedFrame(e);
            }
        }
    }

    private void deliver(Envelope<Event> envelope, ConnectionListener listener) {
        Event event = envelope.message();
        if (event instanceof Event.Ping) {
            answerPing();
        } else if (event instanceof Event.Bye bye) {
            byeReason = bye.reason();
        }
        listener.onEvent(new Incoming(event, envelope.ref(), sent.find(envelope.ref())));
    }

    private void answerPing() {
        try {
            write(new Command.Pong(), null);
        } catch (IOException e) {
            // The next read fails too and ends the loop with the reason.
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort; the socket is unusable either way.
        }
    }
}
