package lanchat.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;
import lanchat.server.runtime.ThreadKind;

/**
 * Connections turned away at the door, cheaply: the one error frame is written on the accept thread, the sending
 * side is shut (FIN), and a short-lived thread reads and discards what the client may have sent already, for at
 * most {@link #LINGER}, so that closing does not send a reset that could destroy the error before it is read. At
 * most {@link #MAX_LINGERING} do so at once; past that, the socket is closed at once. {@link #close()} closes
 * those that still linger. Thread-safe.
 */
public final class Refusals implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    public static final Duration LINGER = Duration.ofMillis(250);
    public static final int MAX_LINGERING = 64;
    private static final Duration MAX_TLS_HANDSHAKE = Duration.ofSeconds(2);

    private final ThreadKind threads;
    private final Duration tlsHandshake;
    private final Set<Socket> lingering = ConcurrentHashMap.newKeySet();

    /** Refusals whose TLS handshake (when there is one) may wait at most {@code handshakeTimeout}, and 2 s. */
    Refusals(ThreadKind threads, Duration handshakeTimeout) {
        this.threads = threads;
        this.tlsHandshake = handshakeTimeout.compareTo(MAX_TLS_HANDSHAKE) < 0 ? handshakeTimeout : MAX_TLS_HANDSHAKE;
    }

    /**
     * Writes {@code lastFrame}, shuts output, and lingers before closing, all on a short-lived thread of the
     * refusal's own: over TLS a handshake comes first, which must never run on the accept thread.
     */
    void turnAway(Socket socket, byte[] lastFrame) {
        if (lingering.size() >= MAX_LINGERING) {
            closeQuietly(socket);
            return;
        }
        lingering.add(socket);
        threads.start("refuse " + socket.getRemoteSocketAddress(), () -> {
            if (tellWhy(socket, lastFrame)) {
                drainAndClose(socket);
            } else {
                closeQuietly(socket);
                lingering.remove(socket);
            }
        });
    }

    // A new socket's send buffer is empty and the frame is small: the write itself cannot block.
    private boolean tellWhy(Socket socket, byte[] lastFrame) {
        try {
            TlsWrapper.completeHandshake(socket, tlsHandshake, socket.getRemoteSocketAddress());
            socket.getOutputStream().write(lastFrame);
            if (!(socket instanceof SSLSocket)) {
                // TLS has no half-close; its socket simply lingers, then closes.
                socket.shutdownOutput();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sockets of turned-away connections not closed yet. */
    int lingering() {
        return lingering.size();
    }

    @Override
    public void close() {
        lingering.forEach(Refusals::closeQuietly);
    }

    // Reads until the client closes too, or LINGER has passed, however slowly it trickles bytes meanwhile.
    private void drainAndClose(Socket socket) {
        long deadline = System.nanoTime() + LINGER.toNanos();
        byte[] sink = new byte[512];
        try {
            InputStream in = socket.getInputStream();
            for (long left = LINGER.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                socket.setSoTimeout((int) left);
                if (in.read(sink) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            // timed out, reset, or closed by close(): nothing more to read either way
        } finally {
            closeQuietly(socket);
            lingering.remove(socket);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.fine(() -> "close failed: " + e);
        }
    }
}
