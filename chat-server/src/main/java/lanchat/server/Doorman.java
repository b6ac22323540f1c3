package lanchat.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Logger;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.server.runtime.LogThrottle;
import lanchat.server.session.Commands;
import lanchat.server.session.Frames;
import lanchat.server.session.HostLedger;
import lanchat.server.session.PasswordGuard;
import lanchat.server.session.Session;
import lanchat.server.session.SessionServices;
import lanchat.server.session.Sessions;
import lanchat.server.transport.Connection;

/**
 * Decides at the door, on the accept thread, what becomes of each new connection: an address locked out for
 * wrong passwords gets {@code too_many_attempts}; one over its limits in the {@link HostLedger} gets
 * {@code too_many_connections}; past {@code --max-clients} it is {@code server_full}; anything else becomes a
 * started {@link Session}. A connection turned away costs no session and no outbox
 * ({@link Connection#refuse}).
 */
final class Doorman {
    private static final Logger LOG = Logger.getLogger(Doorman.class.getName());
    // A flood of refused connections must not fill the disk with log lines.
    private static final LogThrottle REFUSAL_LINES = new LogThrottle(LOG, 20);

    private final HostLedger hosts;
    private final PasswordGuard passwords;
    private final Sessions sessions;
    private final SessionServices services;
    private final Function<Session, Commands> chat;
    private final int maxClients;

    Doorman(HostLedger hosts, PasswordGuard passwords, SessionServices services, Function<Session, Commands> chat,
            int maxClients) {
        this.hosts = hosts;
        this.passwords = passwords;
        this.sessions = services.sessions();
        this.services = services;
        this.chat = chat;
        this.maxClients = maxClients;
    }

    /** Starts a session for {@code connection}, or turns it away. Accept thread. */
    void admit(Connection connection) {
        InetAddress address = connection.peerAddress();
        Duration locked = passwords.lockedOut(address);
        if (locked.isPositive()) {
            turnAway(connection, ErrorCode.TOO_MANY_ATTEMPTS, PasswordGuard.tooManyAttempts(locked));
            return;
        }
        HostLedger.Verdict verdict = hosts.admit(address);
        if (verdict.slot() == null) {
            turnAway(connection, ErrorCode.TOO_MANY_CONNECTIONS, verdict.refusal());
            return;
        }
        Session session = new Session(connection, services, verdict.slot(), chat);
        switch (sessions.admit(session)) {
            case ADMITTED -> session.start();
            case FULL -> {
                verdict.slot().release();
                turnAway(connection, ErrorCode.SERVER_FULL, "the server already has its maximum of " + maxClients
                        + " connections; try later");
            }
            case CLOSED -> {
                verdict.slot().release();
                connection.close();
            }
        }
    }

    private void turnAway(Connection connection, ErrorCode code, String message) {
        REFUSAL_LINES.info(() -> "refuse " + connection.peer() + ": " + code.wire());
        connection.refuse(Frames.encode(new Event.Error(code, message), null));
    }
}
