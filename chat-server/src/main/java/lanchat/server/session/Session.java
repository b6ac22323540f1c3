package lanchat.server.session;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Logger;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.Excerpt;
import lanchat.protocol.json.MessageCodec;
import lanchat.server.runtime.BugReport;
import lanchat.server.runtime.LogThrottle;
import lanchat.server.transport.Connection;

/**
 * One connected client: its nick, its token, where it stands with its connection ({@link HoldState}), and the
 * {@link Connection} that carries its frames, whatever that is. Made by the server's door on the accept thread.
 * Commands are handled on the connection's reader thread alone, holding the session's lock, by the chat layer's
 * {@link Commands}; {@link #disconnect} may come from any thread (the timer, the outbox, the server's shutdown),
 * runs once, and takes the same lock, so a command and a departure never interleave. After the departure the
 * connection closes when the peer has read everything and closed its side, or at the drain deadline.
 *
 * <p>When the connection is lost without the client asking ({@link Disconnect#held()}), the session outlives it:
 * it is <em>held</em> for {@code --resume-grace}, still in its rooms and still owning its nick, keeping whispers
 * sent to it. A new connection presenting its token takes it over ({@link #handOver}, see {@link Resumption});
 * otherwise it {@link #expire}s on the timer thread and leaves its rooms with {@code connection lost}.
 */
public final class Session implements Member {
    private static final Logger LOG = Logger.getLogger(Session.class.getName());
    // Peers choose how often they connect: their log lines have a budget, shared by every session.
    private static final LogThrottle CONNECTION_LINES = new LogThrottle(LOG, 20);
    // The longest error message sent: a safety net under the excerpts the messages already quote.
    private static final int MAX_ERROR_MESSAGE_CODE_POINTS = 1_000;

    private final Connection connection;
    private final SessionSettings settings;
    private final SessionServices services;
    private final HostLedger.Slot slot;
    private final Liveness liveness;
    private final HoldState holdState;
    private final Commands commands;
    private final ErrorBudget errors;
    // Guards the registration and departure steps; held while a command is handled.
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String nick;
    private volatile String token;
    private volatile Disconnect departure;
    private volatile ScheduledFuture<?> forcedClose;

    /** A session on {@code connection}; {@code commands} makes its chat side. */
    public Session(Connection connection, SessionServices services, HostLedger.Slot slot,
            Function<Session, Commands> commands) {
        this.connection = connection;
        this.services = services;
        this.settings = services.settings();
        this.slot = slot;
        this.liveness = new Liveness(new SessionClock(this), services.scheduler(), settings.idleTimeout(),
                settings.handshakeTimeout());
        this.holdState = new HoldState(settings.heldWhispers(), settings.heldWhisperBytes());
        this.errors = new ErrorBudget(settings.maxErrors());
        this.commands = commands.apply(this);
    }

    /** Starts the reader and writer threads and the handshake deadline. Accept thread. */
    public void start() {
        CONNECTION_LINES.info(() -> "connect " + connection.peer());
        liveness.startHandshakeDeadline();
        connection.start(settings.threads(), "session " + connection.peer(), "outbox " + connection.peer(),
                new CommandIntake(this, commands, slot, liveness, settings, services.lastResort()),
                new OutboxTrouble(this, services));
    }

    @Override
    public String nick() {
        return nick;
    }

    @Override
    public boolean deliver(byte[] frame) {
        return connection.offer(frame);
    }

    @Override
    public boolean deliverReplay(List<byte[]> frames) {
        return connection.offerReplay(frames);
    }

    /**
     * Delivers, keeps while held (up to {@code --history} whispers and {@code --held-whisper-bytes}), or passes on
     * to the session's successor.
     */
    @Override
    public boolean deliverWhisper(byte[] frame) {
        return holdState.whisper(frame, this);
    }

    /** Queues one event for this client; {@code ref} only when it answers the client's own frame. */
    public void send(Event event, String ref) {
        deliver(Frames.encode(event, ref));
    }

    public boolean registered() {
        return nick != null;
    }

    /** The session token sent in {@code welcome} (null before it): what a resume will present. */
    public String token() {
        return token;
    }

    /** The client's address: what {@link PasswordGuard} counts wrong passwords by. */
    public InetAddress address() {
        return connection.peerAddress();
    }

    /** Why the session ended, or null while it lasts. */
    public Disconnect departure() {
        return departure;
    }

    /** Carries out one decoded command, unless the session is over. Reader thread. */
    void handle(Command command, String ref) {
        LOG.fine(() -> this + " sent " + MessageCodec.label(command));
        lock.lock();
        try {
            if (departure == null) {
                commands.handle(command, ref);
            }
        } catch (RuntimeException e) {
            // One line, naming the command but not quoting it: its text is the peer's.
            LOG.severe("bug: " + this + " could not handle " + MessageCodec.label(command) + ": "
                    + BugReport.describe(e));
        } finally {
            lock.unlock();
        }
    }

    /** Completes a fresh {@code hello}: this session is {@code newNick} (claimed already), by {@code newToken}. */
    void register(String newNick, String newToken) {
        nick = newNick;
        token = newToken;
        services.tokens().add(newToken, this);
        becameRegistered();
        LOG.fine(() -> "hello " + this);
    }

    /** Takes over a held session's nick, token and rooms. Reader thread, in the {@code hello}, from handOver. */
    private void adopt(Session previous) {
        nick = previous.nick;
        token = previous.token;
        commands.adopt(previous);
        becameRegistered();
    }

    private void becameRegistered() {
        slot.registered();
        Thread.currentThread().setName("session " + this);
        connection.renameWriter("outbox " + nick);
        liveness.startIdleWatch();
    }

    /** Changes the nick, with every room of this client locked (see {@code Room.rename}). */
    public void changeNick(String newNick) {
        nick = newNick;
        Thread.currentThread().setName("session " + this);
        connection.renameWriter("outbox " + newNick);
    }

    /**
     * Answers a client frame with an error, which ends the session when its code closes the connection or the
     * client has used up its {@link ErrorBudget}.
     */
    public void reject(ErrorCode code, String fullMessage, String ref) {
        String message = Excerpt.of(fullMessage, MAX_ERROR_MESSAGE_CODE_POINTS);
        Disconnect ending = errors.ending(code, message, ref);
        if (ending != null) {
            disconnect(ending);
        } else {
            send(new Event.Error(code, message), ref);
        }
    }

    /**
     * Ends the connection, once, whatever the cause and whichever thread: queues the last frame, and sets the
     * drain deadline after which the connection is closed even if the peer never reads. A lost connection of a
     * registered client is held for {@code --resume-grace}; anything else ends the session too: it leaves every
     * room (the others see {@code left} with the reason), frees the nick and cancels its file transfers (the
     * other sides get {@code file-cancel}). Never blocks for long: safe on the timer thread.
     */
    public void disconnect(Disconnect why) {
        boolean holding;
        lock.lock();
        try {
            if (departure != null) {
                return;
            }
            departure = why;
            // Held only within the address's and the server's count of held sessions (HostLedger).
            holding = why.held() && registered() && settings.resumable() && slot.hold();
            if (holding) {
                holdState.hold(() -> services.scheduler().schedule(this::expire, settings.resumeGrace()));
            } else {
                leaveEverything(why.reason());
            }
            commands.cancelTransfers(why.reason());
        } finally {
            lock.unlock();
        }
        liveness.stop();
        connection.finish(why.lastWords() == null ? null : Frames.encode(why.lastWords(), why.ref()));
        forcedClose = services.scheduler().schedule(connection::close, settings.drainTimeout());
        CONNECTION_LINES.info(() -> (holding ? "hold " : "disconnect ") + this + ": " + why.reason()
                + (holding ? "; resumable for " + seconds(settings.resumeGrace()) : ""));
    }

    /**
     * Gives this session to {@code newcomer}, which presented its token: ends this connection if it still looks
     * open (a client that reconnected before the server noticed the loss), and unless the session has ended or
     * was resumed already, hands over its nick, token and rooms. {@code welcome} runs while no whisper can reach
     * the newcomer yet, so it is the first thing queued for it; the whispers kept meanwhile follow, as one
     * replay (outside the send queue limit, like a history replay: at most {@code --held-whisper-bytes} of
     * them). Returns false when there is nothing to resume. Runs on the newcomer's reader thread, holding the
     * newcomer's lock.
     */
    boolean handOver(Session newcomer, Runnable welcome) {
        disconnect(Disconnect.resumedElsewhere());
        lock.lock();
        try {
            if (!holdState.resumeBy(newcomer, () -> {
                newcomer.adopt(this);
                welcome.run();
            })) {
                return false;
            }
            services.nicks().replace(nick, this, newcomer);
            services.tokens().replace(token, this, newcomer);
            slot.endHold();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The grace period is over and nobody resumed: leaves every room with {@code connection lost}. Timer. */
    private void expire() {
        lock.lock();
        try {
            if (holdState.state() != HoldState.State.HELD) {
                return;
            }
            leaveEverything(Disconnect.connectionLost().reason());
        } finally {
            lock.unlock();
        }
        CONNECTION_LINES.info(() -> "disconnect " + this + ": connection lost (not resumed within "
                + seconds(settings.resumeGrace()) + ")");
    }

    // With the lock held.
    private void leaveEverything(String reason) {
        holdState.end();
        slot.endHold();
        commands.leaveAll(reason);
        if (nick != null) {
            services.nicks().release(nick, this);
            services.tokens().remove(token, this);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }

    /** The handshake deadline passed: ends the session unless a hello succeeded meanwhile. Timer thread. */
    void expireHandshake() {
        lock.lock();
        try {
            if (!registered()) {
                disconnect(Disconnect.handshakeTimeout());
            }
        } finally {
            lock.unlock();
        }
    }

    /** One look at the idle clock, at {@code now}; from the idle sweep on the timer thread. */
    void checkLiveness(long now) {
        liveness.check(now);
    }

    /** Closes the connection now (the server's shutdown, past its deadline). */
    public void closeConnection() {
        connection.close();
    }

    /** The connection is closed: leaves the open sessions and the address's count. Once, on the closing thread. */
    void connectionClosed() {
        ScheduledFuture<?> deadline = forcedClose;
        if (deadline != null) {
            deadline.cancel(false);
        }
        services.sessions().remove(this);
        slot.release();
    }

    @Override
    public String toString() {
        String current = nick;
        return current == null ? connection.peer() : current + "@" + connection.peer();
    }
}
