package lanchat.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
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

    private final ThreadKind threads;
    private final Set<Socket> lingering = ConcurrentHashMap.newKeySet();

    Refusals(ThreadKind threads) {
        this.threads = threads;
    }

    /** Writes {@code lastFrame}, shuts output, and lingers before closing. Accept thread. */
    void turnAway(Socket socket, byte[] lastFrame) {
        try {
            // A new socket's send buffer is empty and this frame is small: the write cannot block.
            socket.getOutputStream().write(lastFrame);
            socket.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        if (lingering.size() >= MAX_LINGERING) {
            closeQuietly(socket);
            return;
        }
        lingering.add(socket);
        threads.start("refuse " + socket.getRemoteSocketAddress(), () -> drainAndClose(socket));
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
