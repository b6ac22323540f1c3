package lanchat.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;

/**
 * Decides at the door, on the accept thread, what becomes of each new connection: an address locked out for
 * wrong passwords gets {@code too_many_attempts}; one over its limits in the {@link HostLedger} gets
 * {@code too_many_connections}; past {@code --max-clients} it is {@code server_full}; anything else becomes a
 * started {@link ClientSession}.
 *
 * <p>A connection turned away costs no session and no outbox: its one error frame is written on the accept
 * thread, the sending side is shut (FIN), and a short-lived thread reads and discards what the client may have
 * sent already, for at most {@link #LINGER}, so that closing does not send a reset that could destroy the error
 * before it is read. At most {@link #MAX_LINGERING} do so at once; past that, the socket is closed at once.
 * {@link #close()} closes those that still linger.
 */
final class Doorman implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Doorman.class.getName());
    // A flood of refused connections must not fill the disk with log lines.
    private static final LogThrottle REFUSAL_LINES = new LogThrottle(LOG, 20);
    static final Duration LINGER = Duration.ofMillis(250);
    static final int MAX_LINGERING = 64;

    private final Hub hub;
    private final Set<Socket> lingering = ConcurrentHashMap.newKeySet();

    Doorman(Hub hub) {
        this.hub = hub;
    }

    /** Starts a session for {@code socket}, or turns it away. Accept thread. */
    void admit(Socket socket) {
        InetAddress address = socket.getInetAddress();
        Duration locked = hub.passwords().lockedOut(address);
        if (locked.isPositive()) {
            turnAway(socket, ErrorCode.TOO_MANY_ATTEMPTS, tooManyAttempts(locked));
            return;
        }
        HostLedger.Verdict verdict = hub.hosts().admit(address);
        if (verdict.slot() == null) {
            turnAway(socket, ErrorCode.TOO_MANY_CONNECTIONS, verdict.refusal());
            return;
        }
        ClientSession session = new ClientSession(socket, hub, verdict.slot());
        switch (hub.sessions().admit(session)) {
            case ADMITTED -> session.start();
            case FULL -> {
                verdict.slot().release();
                turnAway(socket, ErrorCode.SERVER_FULL, "the server already has its maximum of "
                        + hub.config().maxClients() + " connections; try later");
            }
            case CLOSED -> {
                verdict.slot().release();
                closeQuietly(socket);
            }
        }
    }

    /** The sentence of {@code too_many_attempts}, with how long the lockout still lasts. */
    static String tooManyAttempts(Duration left) {
        return "too many wrong passwords from your address; " + PasswordGuard.retryHint(left);
    }

    /** Sockets of turned-away connections not closed yet. */
    int lingering() {
        return lingering.size();
    }

    @Override
    public void close() {
        lingering.forEach(Doorman::closeQuietly);
    }

    private void turnAway(Socket socket, ErrorCode code, String message) {
        REFUSAL_LINES.info(() -> "refuse " + socket.getRemoteSocketAddress() + ": " + code.wire());
        try {
            // A new socket's send buffer is empty and this frame is small: the write cannot block.
            socket.getOutputStream().write(Frames.encode(new Event.Error(code, message), null));
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
        hub.config().threads().start("refuse " + socket.getRemoteSocketAddress(), () -> drainAndClose(socket));
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

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.fine(() -> "close failed: " + e);
        }
    }
}
