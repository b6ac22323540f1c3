package lanchat.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;

/**
 * One benchmark connection speaking the protocol directly: hello, join, then pre-encoded frames out and
 * {@link FrameInput} in. It is not the console client's {@code ChatConnection} on purpose: a load generator
 * needs no reader thread per connection, no event objects per delivery and no rendering, and it must send one
 * pre-built frame with one {@code write} call, so that the CPU it spends is small next to the server's.
 *
 * <p>A {@link SocketChannel}: blocking while it connects and joins (reads time out then), and for idle and
 * stalled members; switched by {@link #stopBlocking()} to non-blocking for fanout members, whose frames a
 * {@link ReceiveLoop} reads for many connections on one thread.
 *
 * <p>Threads: {@link #connect} and {@link #join} run on the thread that sets the client up; afterwards
 * exactly one thread reads ({@link #input()}), and any thread may {@link #send} (a {@code ReentrantLock}
 * keeps frames whole and does not pin a virtual thread's carrier on JDK 21). {@link #close()} closes the
 * socket, which ends a blocked read or write; calling it twice is harmless.
 */
final class LoadClient implements AutoCloseable {
    private final SocketChannel channel;
    private final Socket socket;
    private final String nick;
    private final byte[] nickBytes;
    private final OutputStream out;
    private final FrameInput input;
    private final ReentrantLock sendLock = new ReentrantLock();
    private volatile boolean blocking = true;

    private LoadClient(SocketChannel channel, String nick, int bufferBytes) throws IOException {
        this.channel = channel;
        this.socket = channel.socket();
        this.nick = nick;
        this.nickBytes = StampedText.ascii(nick);
        this.out = socket.getOutputStream();
        this.input = new FrameInput(socket.getInputStream(), bufferBytes, FieldRules.DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * Connects, says hello and waits for the welcome.
     *
     * @param receiveBufferBytes SO_RCVBUF to ask for before connecting, or 0 for the system's default
     * @param bufferBytes        the first size of the frame buffer (it grows for larger frames)
     * @throws RefusedException when the server answers the hello with an error
     */
    static LoadClient connect(InetSocketAddress server, String nick, Duration timeout, int receiveBufferBytes,
            int bufferBytes) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            if (receiveBufferBytes > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            }
            // Small frames must leave at once: Nagle's delay would be measured as server latency.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(server, (int) timeout.toMillis());
            channel.socket().setSoTimeout((int) timeout.toMillis());
            LoadClient client = new LoadClient(channel, nick, bufferBytes);
            client.send(new Command.Hello(nick));
            client.awaitReply("hello", Event.Welcome.class);
            return client;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Joins {@code room} and waits for the server's {@code users} answer, which follows our {@code joined}. */
    void join(String room) throws IOException {
        send(new Command.Join(room));
        awaitReply("join " + room, Event.Users.class);
    }

    /** Ends the handshake phase of a blocking client: from now on reads wait for as long as it takes. */
    void stopTimingOutReads() throws IOException {
        socket.setSoTimeout(0);
    }

    /** Switches to non-blocking mode, for a {@link ReceiveLoop}; {@link #input()}'s stream is unusable after. */
    SocketChannel stopBlocking() throws IOException {
        sendLock.lock();
        try {
            channel.configureBlocking(false);
            blocking = false;
        } finally {
            sendLock.unlock();
        }
        return channel;
    }

    String nick() {
        return nick;
    }

    byte[] nickBytes() {
        return nickBytes;
    }

    /** The frames the server sends; for the one thread that reads this connection. */
    FrameInput input() {
        return input;
    }

    Socket socket() {
        return socket;
    }

    /**
     * Sends one complete frame (header included): one write call, unless a non-blocking socket's send buffer
     * is full, in which case it retries every 50 µs until the frame is out (or the socket is closed).
     */
    void send(byte[] frame) throws IOException {
        sendLock.lock();
        try {
            if (blocking) {
                out.write(frame);
                return;
            }
            ByteBuffer bytes = ByteBuffer.wrap(frame);
            while (bytes.hasRemaining()) {
                if (channel.write(bytes) == 0) {
                    LockSupport.parkNanos(50_000);
                }
            }
        } finally {
            sendLock.unlock();
        }
    }

    void send(Command command) throws IOException {
        send(FrameWriter.frame(MessageCodec.encode(command), FieldRules.DEFAULT_MAX_FRAME_BYTES));
    }

    /** Reads events until one of {@code type} comes; an error event ends the wait with its code and message. */
    private <E extends Event> E awaitReply(String request, Class<E> type) throws IOException {
        try {
            while (input.next()) {
                Event event = input.decodeEvent();
                if (type.isInstance(event)) {
                    return type.cast(event);
                }
                if (event instanceof Event.Error error) {
                    throw new RefusedException(error.code(), "the server refused " + nick + "'s " + request + ": "
                            + error.code() + " (" + error.message() + ")");
                }
            }
        } catch (SocketTimeoutException e) {
            throw new BenchException("no answer to " + nick + "'s " + request + " within "
                    + socket.getSoTimeout() + " ms", e);
        }
        throw new BenchException("the server closed the connection of " + nick + " after its " + request);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a socket that is already broken: nothing left to release.
        }
    }

    @Override
    public String toString() {
        return nick + "@" + socket.getLocalSocketAddress();
    }
}
