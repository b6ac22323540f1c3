package lanchat.server.session;

import java.util.logging.Logger;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.ProtocolException;
import lanchat.server.runtime.LastResort;
import lanchat.server.transport.Inbound;

/**
 * What a session does with the frames its connection reads, on the connection's reader thread: counts each as a
 * sign of life, decodes it, checks it against the rate limit and hands the command to its {@link Session}; when
 * reading stops, ends the session with the reason; when the connection closes, tells the session.
 */
final class CommandIntake implements Inbound {
    private static final Logger LOG = Logger.getLogger(CommandIntake.class.getName());

    private final Session session;
    private final Commands commands;
    private final HostLedger.Slot slot;
    private final Liveness liveness;
    private final SessionSettings settings;
    private final RateLimiter frameRate;
    private final LastResort lastResort;

    CommandIntake(Session session, Commands commands, HostLedger.Slot slot, Liveness liveness,
            SessionSettings settings, LastResort lastResort) {
        this.session = session;
        this.commands = commands;
        this.slot = slot;
        this.liveness = liveness;
        this.settings = settings;
        this.frameRate = new RateLimiter(settings.rateLimit(), settings.rateBurst());
        this.lastResort = lastResort;
    }

    @Override
    public boolean over() {
        return session.departure() != null;
    }

    /**
     * Decodes and handles one frame, unless it is over the rate limit. Every frame counts against the limit
     * except those that move a file transfer along, which its flow-control window bounds instead, and the
     * address's file bandwidth ({@code --file-rate-per-address}) paces.
     */
    @Override
    public void body(byte[] body) {
        liveness.heard();
        Envelope<Command> envelope;
        try {
            envelope = MessageCodec.decodeCommand(body);
        } catch (ProtocolException e) {
            if (withinRate(e.ref())) {
                session.reject(e.code(), e.getMessage(), e.ref());
            }
            return;
        }
        if (commands.unmetered(envelope.message())) {
            paceFileFrame(body.length);
            session.handle(envelope.message(), envelope.ref());
        } else if (withinRate(envelope.ref())) {
            session.handle(envelope.message(), envelope.ref());
        }
    }

    @Override
    public void readingStopped(Exception cause) {
        if (cause instanceof ProtocolException e) {
            // A framing error: the byte stream is out of step and cannot be read any further.
            session.disconnect(Disconnect.error(e.code(), e.getMessage(), null));
            return;
        }
        if (cause != null) {
            LOG.fine(() -> "read failed for " + session + ": " + cause);
        }
        // Nothing happens when the session is over already: then the reader stopped because of it.
        session.disconnect(Disconnect.connectionLost());
    }

    @Override
    public void crashed(Throwable failure) {
        // Never a reader that dies and leaves its connection open: log, end this session, close its connection.
        // An Error (the heap ran out) stops the whole server: see LastResort.
        lastResort.caught("reader of " + session, failure);
        session.disconnect(Disconnect.serverError());
    }

    @Override
    public void closed() {
        session.connectionClosed();
    }

    // Sleeps while the address is over --file-rate-per-address: not reading is what slows its sender down.
    private void paceFileFrame(int bytes) {
        try {
            slot.paceFileBytes(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes a token for one frame; when there is none, answers {@code rate_limited} and returns false. */
    private boolean withinRate(String ref) {
        if (frameRate.tryAcquire()) {
            return true;
        }
        session.reject(ErrorCode.RATE_LIMITED, "more than " + settings.rateLimit() + " frames a second (bursts of "
                + settings.rateBurst() + "); this frame was dropped", ref);
        return false;
    }
}
