package lanchat.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Logger;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.Excerpt;
import lanchat.protocol.MessageCodec;

/**
 * One connected client: its nick, its rooms, and the two threads of its socket, a {@link SessionReader} and an
 * {@link Outbox}. Made by the accept thread. Commands are handled on the reader thread alone, holding the
 * session's lock; {@link #disconnect} may come from any thread (the timer, the outbox, the server's shutdown),
 * runs once, and takes the same lock, so a command and a departure never interleave. After the departure the
 * socket closes when the peer has read everything and closed its side, or at the drain deadline.
 *
 * <p>When the connection is lost without the client asking ({@link Disconnect#held()}), the session outlives it:
 * it is <em>held</em> for {@code --resume-grace}, still in its rooms and still owning its nick, keeping whispers
 * sent to it. A new connection presenting its token takes it over ({@link #handOver}, see {@link Resumption});
 * otherwise it {@link #expire}s on the timer thread and leaves its rooms with {@code connection lost}.
 */
final class ClientSession implements Member {
    private static final Logger LOG = Logger.getLogger(ClientSession.class.getName());
    // Peers choose how often they connect: their log lines have a budget, shared by every session.
    private static final LogThrottle CONNECTION_LINES = new LogThrottle(LOG, 20);
    // The longest error message sent: a safety net under the excerpts the messages already quote.
    private static final int MAX_ERROR_MESSAGE_CODE_POINTS = 1_000;

    private final Socket socket;
    private final String peer;
    private final Hub hub;
    private final Outbox outbox;
    private final Liveness liveness;
    private final Dispatcher dispatcher;
    private RateLimiter errorBudget; // made at the first error: most sessions never need it
    // Guards rooms and the registration and departure steps; held while a command is handled.
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Room> rooms = new HashSet<>();
    private final AtomicBoolean socketClosed = new AtomicBoolean();
    private volatile String nick;
    private volatile String token;
    private volatile Disconnect departure;
    private volatile ScheduledFuture<?> forcedClose;
    private final Presence presence;
    private final HostLedger.Slot slot;

    /** What a resumed session takes over from the one it resumes. */
    record Handover(String nick, String token, Set<Room> rooms) {
    }

    ClientSession(Socket socket, Hub hub, HostLedger.Slot slot) {
        ServerConfig config = hub.config();
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        this.hub = hub;
        this.outbox = new Outbox(socket, config.sendQueueBytes(), hub.coalescer(), new OutboxTrouble());
        this.liveness = new Liveness(this, hub);
        this.dispatcher = new Dispatcher(this, hub);
        this.presence = new Presence(config.history().messages(), config.history().heldWhisperBytes());
        this.slot = slot;
    }

    /** Starts the reader and writer threads and the handshake deadline. Accept thread. */
    void start() {
        CONNECTION_LINES.info(() -> "connect " + peer);
        liveness.startHandshakeDeadline();
        startThreads();
    }

    @Override
    public String nick() {
        return nick;
    }

    @Override
    public boolean deliver(byte[] frame) {
        return outbox.offer(frame);
    }

    @Override
    public boolean deliverReplay(List<byte[]> frames) {
        return outbox.offerReplay(frames);
    }

    /**
     * Delivers, keeps while held (up to {@code --history} whispers and {@code --held-whisper-bytes}), or passes on
     * to the session's successor.
     */
    @Override
    public boolean deliverWhisper(byte[] frame) {
        return presence.whisper(frame, this);
    }

    /** Queues one event for this client; {@code ref} only when it answers the client's own frame. */
    void send(Event event, String ref) {
        deliver(Frames.encode(event, ref));
    }

    boolean registered() {
        return nick != null;
    }

    /** The session token sent in {@code welcome} (null before it): what a resume will present. */
    String token() {
        return token;
    }

    /** The rooms this client is in; only with the session's lock held (reader thread, in a command). */
    Set<Room> rooms() {
        return rooms;
    }

    /** Its clock: handshake deadline, idle pings. */
    Liveness liveness() {
        return liveness;
    }

    /** True for a frame of a file transfer under way, which the rate limit does not count. Reader thread. */
    boolean isUnmetered(Command command) {
        return hub.transfers().isUnmetered(this, command);
    }

    /** The client's address: what {@link PasswordGuard} counts wrong passwords by. */
    InetAddress address() {
        return socket.getInetAddress();
    }

    /** Waits until the address's file bandwidth lets {@code bytes} more through. Reader thread, no lock held. */
    void paceFileBytes(int bytes) throws InterruptedException {
        slot.paceFileBytes(bytes);
    }

    /** Carries out one decoded command, unless the session is over. Reader thread. */
    void handle(Envelope<Command> envelope) {
        LOG.fine(() -> this + " sent " + MessageCodec.label(envelope.message()));
        lock.lock();
        try {
            if (departure == null) {
                dispatcher.dispatch(envelope.message(), envelope.ref());
            }
        } catch (RuntimeException e) {
            // One line, naming the command but not quoting it: its text is the peer's.
            LOG.severe("bug: " + this + " could not handle " + MessageCodec.label(envelope.message()) + ": "
                    + BugReport.describe(e));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes a {@code hello} whose nick is already claimed: from now on this session is {@code newNick}, known
     * by {@code newToken}. Reader thread, in a command.
     */
    void register(String newNick, String newToken) {
        nick = newNick;
        token = newToken;
        hub.tokens().add(newToken, this);
        slot.registered();
        Thread.currentThread().setName("session " + this);
        outbox.rename("outbox " + newNick);
        liveness.startIdleWatch();
        LOG.fine(() -> "hello " + this);
    }

    /**
     * Takes over a held session: its nick, token and rooms (the rooms still list the old session until each
     * {@link Room#takeOver}). Reader thread, in the {@code hello}, from {@link #handOver}.
     */
    void adopt(Handover handover) {
        nick = handover.nick();
        token = handover.token();
        rooms.addAll(handover.rooms());
        slot.registered();
        Thread.currentThread().setName("session " + this);
        outbox.rename("outbox " + nick);
        liveness.startIdleWatch();
    }

    /** Changes the nick; called by {@link Room#rename} with every room of this client locked. */
    void changeNick(String newNick) {
        nick = newNick;
        Thread.currentThread().setName("session " + this);
        outbox.rename("outbox " + newNick);
    }

    /**
     * Answers a client frame with an error. A code that closes the connection ends the session; any other
     * costs one unit of the error budget, and the error that finds the budget spent becomes
     * {@code too_many_errors}, which ends it too.
     */
    void reject(ErrorCode code, String fullMessage, String ref) {
        String message = Excerpt.of(fullMessage, MAX_ERROR_MESSAGE_CODE_POINTS);
        if (code.closesConnection()) {
            disconnect(Disconnect.error(code, message, ref));
        } else if (!errorBudget().tryAcquire()) {
            disconnect(Disconnect.error(ErrorCode.TOO_MANY_ERRORS, "more than " + hub.config().maxErrors()
                    + " errors within a minute (the last: " + code.wire() + "); closing the connection", ref));
        } else {
            send(new Event.Error(code, message), ref);
        }
    }

    // Reader thread only, like every call of reject().
    private RateLimiter errorBudget() {
        if (errorBudget == null) {
            errorBudget = new RateLimiter(hub.config().maxErrors() / 60.0, hub.config().maxErrors());
        }
        return errorBudget;
    }

    /**
     * Ends the connection, once, whatever the cause and whichever thread: queues the last frame, and sets the
     * drain deadline after which the socket is closed even if the peer never reads. A lost connection of a
     * registered client is held for {@code --resume-grace}; anything else ends the session too: it leaves every
     * room (the others see {@code left} with the reason), frees the nick and cancels its file transfers (the
     * other sides get {@code file-cancel}). Never blocks for long: safe on the timer thread.
     */
    void disconnect(Disconnect why) {
        boolean holding;
        lock.lock();
        try {
            if (departure != null) {
                return;
            }
            departure = why;
            // Held only within the address's and the server's count of held sessions (HostLedger).
            holding = why.held() && registered() && hub.config().history().resumable() && slot.hold();
            if (holding) {
                presence.hold(() -> hub.schedule(this::expire, hub.config().history().resumeGrace()));
            } else {
                leaveEverything(why.reason());
            }
            hub.transfers().cancelAll(this, why.reason());
        } finally {
            lock.unlock();
        }
        liveness.stop();
        outbox.finish(why.lastWords() == null ? null : Frames.encode(why.lastWords(), why.ref()));
        forcedClose = hub.schedule(this::closeSocket, hub.config().drainTimeout());
        CONNECTION_LINES.info(() -> (holding ? "hold " : "disconnect ") + this + ": " + why.reason()
                + (holding ? "; resumable for " + seconds(hub.config().history().resumeGrace()) : ""));
    }

    /**
     * Gives this session to {@code newcomer}, which presented its token: ends this connection if it still looks
     * open (a client that reconnected before the server noticed the loss), and unless the session has ended or
     * was resumed already, hands over its nick, token and rooms. {@code welcome} runs while no whisper can reach
     * the newcomer yet, so it is the first thing queued for it; the whispers kept meanwhile follow, as one
     * replay (outside the send queue limit, like a history replay: at most {@code --held-whisper-bytes} of
     * them). Returns null when there is nothing to resume. Runs on the newcomer's reader thread, holding the
     * newcomer's lock.
     */
    Handover handOver(ClientSession newcomer, Consumer<Handover> welcome) {
        disconnect(Disconnect.resumedElsewhere());
        lock.lock();
        try {
            Handover handover = new Handover(nick, token, Set.copyOf(rooms));
            if (!presence.resumeBy(newcomer, () -> welcome.accept(handover))) {
                return null;
            }
            hub.nicknames().replace(nick, this, newcomer);
            hub.tokens().replace(token, this, newcomer);
            rooms.clear();
            slot.endHold();
            return handover;
        } finally {
            lock.unlock();
        }
    }

    /** The grace period is over and nobody resumed: leaves every room with {@code connection lost}. Timer. */
    void expire() {
        lock.lock();
        try {
            if (presence.state() != Presence.State.HELD) {
                return;
            }
            leaveEverything(Disconnect.connectionLost().reason());
        } finally {
            lock.unlock();
        }
        CONNECTION_LINES.info(() -> "disconnect " + this + ": connection lost (not resumed within "
                + seconds(hub.config().history().resumeGrace()) + ")");
    }

    // With the lock held.
    private void leaveEverything(String reason) {
        presence.end();
        slot.endHold();
        rooms.forEach(room -> {
            room.drop(this, reason);
            hub.rooms().release(room);
        });
        rooms.clear();
        if (nick != null) {
            hub.nicknames().release(nick, this);
            hub.tokens().remove(token, this);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }

    /** Why the session ended, or null while it lasts. */
    Disconnect departure() {
        return departure;
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

    @Override
    public String toString() {
        String current = nick;
        return current == null ? peer : current + "@" + peer;
    }

    /** Closes the socket (once) and leaves {@link Sessions}; the reader thread's last step, or the deadline's. */
    void closeSocket() {
        if (!socketClosed.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> deadline = forcedClose;
        if (deadline != null) {
            deadline.cancel(false);
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.fine(() -> "close failed for " + this + ": " + e);
        }
        hub.sessions().remove(this);
        slot.release();
    }

    private void startThreads() {
        outbox.start(hub.config().threads(), "outbox " + peer);
        hub.config().threads().start("session " + peer, new SessionReader(this, socket, outbox, liveness,
                hub.config(), hub.lastResort()));
    }

    /** The outbox's troubles, handed to the timer thread: they may arrive under another session's room lock. */
    private final class OutboxTrouble implements Outbox.Trouble {
        @Override
        public void queueExceeded() {
            hub.later(() -> disconnect(Disconnect.error(ErrorCode.SEND_QUEUE_EXCEEDED, "more than "
                    + hub.config().sendQueueBytes() + " bytes waiting to be sent to you; read faster", null)));
        }

        @Override
        public void writeFailed(IOException e) {
            LOG.fine(() -> "write failed for " + ClientSession.this + ": " + e);
            hub.later(() -> disconnect(Disconnect.connectionLost()));
        }

        @Override
        public void crashed(Throwable failure) {
            hub.lastResort().caught("outbox " + ClientSession.this, failure);
            hub.later(() -> disconnect(Disconnect.connectionLost()));
        }
    }
}
