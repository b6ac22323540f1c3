package lanchat.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import lanchat.protocol.wire.FrameReader;
import lanchat.server.runtime.ThreadKind;

/**
 * A {@link Connection} over a plain TCP socket: the reader thread ({@code session alice@/127.0.0.1:51234}) reads
 * frames with a {@link FrameReader} (the recv-buffering lesson lives there) and hands their bodies to the session;
 * the {@link Outbox} writes. Made by {@link TcpListener} on the accept thread.
 *
 * <p>When reading stops, the reader lingers, reading and discarding, until the peer closes or {@link #close} (at
 * the session's drain deadline) closes the socket, waits for the outbox to finish, and closes the socket.
 */
public final class TcpConnection implements Connection {
    private static final Logger LOG = Logger.getLogger(TcpConnection.class.getName());

    private final Socket socket;
    private final String peer;
    private final int maxFrameBytes;
    private final Duration drainTimeout;
    private final Duration handshakeTimeout;
    private final int sendQueueBytes;
    private final Coalescer coalescer;
    private final Refusals refusals;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Inbound inbound;
    private volatile Outbox outbox;

    TcpConnection(Socket socket, TcpListener.Limits limits, Coalescer coalescer, Refusals refusals) {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.maxFrameBytes = limits.maxFrameBytes();
        this.drainTimeout = limits.drainTimeout();
        this.handshakeTimeout = limits.handshakeTimeout();
        this.sendQueueBytes = limits.sendQueueBytes();
        this.coalescer = coalescer;
        this.refusals = refusals;
    }

    @Override
    public InetAddress peerAddress() {
        return socket.getInetAddress();
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public void start(ThreadKind threads, String readerName, String writerName, Inbound inbound,
            Outbox.Trouble trouble) {
        this.inbound = inbound;
        this.outbox = new Outbox(new SocketSink(socket), sendQueueBytes, coalescer, trouble);
        outbox.start(threads, writerName);
        threads.start(readerName, this::read);
    }

    @Override
    public void renameWriter(String name) {
        outbox.rename(name);
    }

    @Override
    public boolean offer(byte[] frame) {
        return outbox.offer(frame);
    }

    @Override
    public boolean offerReplay(List<byte[]> frames) {
        return outbox.offerReplay(frames);
    }

    @Override
    public void finish(byte[] lastFrame) {
        outbox.finish(lastFrame);
    }

    @Override
    public void refuse(byte[] lastFrame) {
        refusals.turnAway(socket, lastFrame);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.fine(() -> "close failed for " + peer + ": " + e);
        }
        Inbound current = inbound;
        if (current != null) {
            current.closed();
        }
    }

    private void read() {
        try {
            inbound.readingStopped(readUntilOver());
            lingerUntilPeerCloses();
            // Bounded: at the drain deadline the socket is closed, which ends a write stuck on a silent peer.
            outbox.awaitStopped(drainTimeout.multipliedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            // Never a reader that dies and leaves its connection open.
            inbound.crashed(failure);
        } finally {
            close();
        }
    }

    /** Reads frames until the session is over or the stream ends; returns why reading stopped (null: no error). */
    private Exception readUntilOver() {
        try {
            // Over TLS, the handshake first: on this thread, so a client that stalls in it holds up nobody else.
            TlsWrapper.completeHandshake(socket, handshakeTimeout, peer);
            FrameReader frames = new FrameReader(socket.getInputStream(), maxFrameBytes);
            while (!inbound.over()) {
                byte[] body = frames.readFrame();
                if (body == null) {
                    return null;
                }
                inbound.body(body);
            }
            return null;
        } catch (IOException e) {
            // A ProtocolException too: the byte stream is out of step and cannot be read any further.
            return e;
        }
    }

    /**
     * Reads and discards until the peer closes, or until the drain deadline closes the socket. Closing a socket
     * with unread input makes the kernel send a reset, which can destroy our last frame before the peer reads it.
     */
    private void lingerUntilPeerCloses() {
        byte[] sink = new byte[512];
        try {
            InputStream in = socket.getInputStream();
            while (in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // closed at the deadline, or reset by the peer: either way nothing more to read
        }
    }
}
