package lanchat.server.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import lanchat.server.runtime.LastResort;
import lanchat.server.runtime.ThreadKind;

/**
 * The listening TCP socket and its one {@code accept} thread: each accepted socket becomes a {@link TcpConnection}
 * handed to the server's door (a {@code Consumer<Connection>}, run on the accept thread, which starts a session or
 * turns it away). {@link #stopAccepting()} closes the listening socket, which is what makes a blocked
 * {@code accept()} return; {@link #close()} also waits for the accept thread and closes refused connections that
 * still linger.
 */
public final class TcpListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TcpListener.class.getName());
    // The kernel's send buffer per connection (Linux doubles it for its bookkeeping): see configure().
    private static final int SEND_BUFFER_BYTES = 64 * 1024;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(1);

    /**
     * What every accepted connection gets: its frame limit, its send queue, its drain deadline, and how long each
     * read of its TLS handshake may wait.
     */
    public record Limits(int maxFrameBytes, int sendQueueBytes, Duration drainTimeout, Duration handshakeTimeout) {
    }

    private final ServerSocket serverSocket;
    private final Limits limits;
    private final Coalescer coalescer;
    private final ThreadKind threads;
    private final LastResort lastResort;
    private final Refusals refusals;
    private final TlsWrapper tls; // null with --plain
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Thread acceptThread;

    /**
     * Binds {@code address:port} (0 for any free port); every connection is layered with {@code tls}, or plain TCP
     * when it is null. The backlog is how many connections the kernel keeps
     * waiting, handshake done, until accept() takes them; when it is full, Linux drops new SYNs and the connecting
     * side's kernel sends them again.
     */
    public TcpListener(InetAddress address, int port, int backlog, Limits limits, Coalescer coalescer,
            ThreadKind threads, LastResort lastResort, TlsWrapper tls) throws IOException {
        this.serverSocket = new ServerSocket(port, backlog, address);
        this.tls = tls;
        this.limits = limits;
        this.coalescer = coalescer;
        this.threads = threads;
        this.lastResort = lastResort;
        this.refusals = new Refusals(threads, limits.handshakeTimeout());
    }

    /** The port listened on: the real one when bound to port 0. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Sockets of refused connections not closed yet. */
    public int lingering() {
        return refusals.lingering();
    }

    /** Starts the accept thread; after {@code pause} (for scripts/backlog-demo) it hands connections to door. */
    public void start(Duration pause, Consumer<Connection> door) {
        acceptThread = threads.start("accept", () -> acceptLoop(pause, door));
    }

    /** Closes the listening socket: accept() returns, and no connection comes in any more. Idempotent. */
    public void stopAccepting() {
        if (closing.compareAndSet(false, true)) {
            // Closing the listening socket is what makes the blocked accept() return (with an exception).
            Refusals.closeQuietly(serverSocket);
        }
    }

    /** Stops accepting, waits (bounded) for the accept thread, closes lingering refused connections. */
    @Override
    public void close() throws InterruptedException {
        stopAccepting();
        Thread accept = acceptThread;
        if (accept != null) {
            accept.join(JOIN_TIMEOUT);
        }
        refusals.close();
    }

    private void acceptLoop(Duration pause, Consumer<Connection> door) {
        pauseBeforeAccepting(pause);
        while (!closing.get()) {
            try {
                acceptOne(door);
            } catch (Throwable failure) {
                lastResort.caught("accept", failure);
            }
        }
    }

    private void acceptOne(Consumer<Connection> door) {
        Socket socket;
        try {
            socket = serverSocket.accept();
        } catch (IOException e) {
            if (!closing.get()) {
                acceptFailed(e);
            }
            return;
        }
        Socket layered = configure(socket);
        if (layered != null) {
            door.accept(new TcpConnection(layered, limits, coalescer, refusals));
        }
    }

    /**
     * Sets the socket's options and layers TLS over it (no I/O: the TLS handshake runs on the connection's own
     * reader thread, never here); null when the socket failed meanwhile and was closed.
     */
    private Socket configure(Socket socket) {
        try {
            // Chat frames are small and interactive: send them now rather than wait to fill a segment (Nagle).
            socket.setTcpNoDelay(true);
            // A fixed send buffer: left to autotuning, Linux lets MiBs pile up in the kernel for a client that
            // stopped reading, and --send-queue-bytes would only count once those are full.
            socket.setSendBufferSize(SEND_BUFFER_BYTES);
            return tls == null ? socket : tls.wrap(socket);
        } catch (IOException e) {
            Refusals.closeQuietly(socket);
            return null;
        }
    }

    // --accept-pause, for scripts/backlog-demo: meanwhile the kernel queues handshakes up to the backlog.
    private void pauseBeforeAccepting(Duration pause) {
        if (pause.isPositive()) {
            LOG.info("accept() paused for " + pause.toMillis() / 1000.0 + " s (--accept-pause)");
            sleep(pause);
        }
    }

    // E.g. out of file descriptors: log, pause briefly so the loop does not spin, and go on accepting.
    private void acceptFailed(IOException e) {
        LOG.warning("accept failed: " + e.getMessage());
        sleep(Duration.ofMillis(100));
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.set(true);
        }
    }
}
