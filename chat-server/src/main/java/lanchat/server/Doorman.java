package lanchat.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.server.tls.TlsWrapper;

/**
 * Decides at the door, on the accept thread, what becomes of each new connection: an address locked out for
 * wrong passwords gets {@code too_many_attempts}; one over its limits in the {@link HostLedger} gets
 * {@code too_many_connections}; past {@code --max-clients} it is {@code server_full}; anything else becomes a
 * started {@link ClientSession}.
 *
 * <p>A connection turned away costs no session and no outbox: a short-lived thread of its own (over TLS, after
 * a handshake of at most 2 s) writes its one error frame, shuts the sending side (FIN), and reads and discards
 * what the client may have sent already, for at most {@link #LINGER}, so that closing does not send a reset that could destroy the error
 * before it is read. At most {@link #MAX_LINGERING} do so at once; past that, the socket is closed at once.
 * {@link #close()} closes those that still linger.
 */
final class Doorman implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Doorman.class.getName());
    // A flood of refused connections must not fill the disk with log lines.
    private static final LogThrottle REFUSAL_LINES = new LogThrottle(LOG, 20);
    static final Duration LINGER = Duration.ofMillis(250);
    static final int MAX_LINGERING = 64;
    private static final Duration TLS_HANDSHAKE = Duration.ofSeconds(2);

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
        if (lingering.size() >= MAX_LINGERING) {
            closeQuietly(socket);
            return;
        }
        lingering.add(socket);
        hub.config().threads().start("refuse " + socket.getRemoteSocketAddress(), () -> {
            if (tellWhy(socket, Frames.encode(new Event.Error(code, message), null))) {
                drainAndClose(socket);
            } else {
                closeQuietly(socket);
                lingering.remove(socket);
            }
        });
    }

    /**
     * Writes the one error frame and ends the sending side. Over TLS the handshake comes first (bounded by
     * {@link #TLS_HANDSHAKE}); that is why this runs on the refusal's own thread, never the accept thread.
     * A new socket's send buffer is empty and the frame is small: the write itself cannot block.
     */
    private boolean tellWhy(Socket socket, byte[] frame) {
        try {
            TlsWrapper.completeHandshake(socket, TLS_HANDSHAKE, socket.getRemoteSocketAddress());
            socket.getOutputStream().write(frame);
            if (!(socket instanceof SSLSocket)) {
                // TLS has no half-close; its socket simply lingers, then closes.
                socket.shutdownOutput();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
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
