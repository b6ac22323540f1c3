package lanchat.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.logging.Logger;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.FrameReader;
import lanchat.protocol.MessageCodec;
import lanchat.protocol.ProtocolException;

/**
 * The reader thread of one connection ({@code session alice@/127.0.0.1:51234}): reads a frame, decodes it, checks
 * it against the rate limit and hands it to its {@link ClientSession}; repeats until the session is over. Then
 * it lingers, reading and discarding, until the peer closes or the drain deadline closes the socket, waits for the
 * outbox to finish, and closes the socket. The only thread that reads from the socket.
 */
final class SessionReader implements Runnable {
    private static final Logger LOG = Logger.getLogger(SessionReader.class.getName());

    private final ClientSession session;
    private final Socket socket;
    private final Outbox outbox;
    private final Liveness liveness;
    private final ServerConfig config;
    private final RateLimiter frameRate;
    private final LastResort lastResort;

    SessionReader(ClientSession session, Socket socket, Outbox outbox, Liveness liveness, ServerConfig config,
            LastResort lastResort) {
        this.session = session;
        this.socket = socket;
        this.outbox = outbox;
        this.liveness = liveness;
        this.config = config;
        this.frameRate = new RateLimiter(config.rateLimit(), config.rateBurst());
        this.lastResort = lastResort;
    }

    @Override
    public void run() {
        try {
            session.disconnect(readUntilDeparture());
            lingerUntilPeerCloses();
            // Bounded: at the drain deadline the socket is closed, which ends a write stuck on a silent peer.
            outbox.awaitStopped(config.drainTimeout().multipliedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            // Never a reader that dies and leaves its connection open: log, end this session, close its socket.
            // An Error (the heap ran out) stops the whole server: see LastResort.
            lastResort.caught("reader of " + session, failure);
            session.disconnect(Disconnect.serverError());
        } finally {
            session.closeSocket();
        }
    }

    /** Reads and handles frames until the session is over; returns why it is over. */
    private Disconnect readUntilDeparture() {
        try {
            FrameReader frames = new FrameReader(socket.getInputStream(), Frames.MAX_FRAME_BYTES);
            while (session.departure() == null) {
                byte[] body = frames.readFrame();
                if (body == null) {
                    return Disconnect.connectionLost();
                }
                onFrame(body);
            }
            return session.departure();
        } catch (ProtocolException e) {
            // A framing error: the byte stream is out of step and cannot be read any further.
            return Disconnect.error(e.code(), e.getMessage(), null);
        } catch (IOException e) {
            LOG.fine(() -> "read failed for " + session + ": " + e);
            return Disconnect.connectionLost();
        }
    }

    /**
     * Decodes and handles one frame, unless it is over the rate limit. Every frame counts against the limit
     * except those that move a file transfer along, which its flow-control window bounds instead, and the
     * address's file bandwidth ({@code --file-rate-per-address}) paces.
     */
    private void onFrame(byte[] body) {
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
        if (session.isUnmetered(envelope.message())) {
            paceFileFrame(body.length);
            session.handle(envelope);
        } else if (withinRate(envelope.ref())) {
            session.handle(envelope);
        }
    }

    // Sleeps while the address is over --file-rate-per-address: not reading is what slows its sender down.
    private void paceFileFrame(int bytes) {
        try {
            session.paceFileBytes(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes a token for one frame; when there is none, answers {@code rate_limited} and returns false. */
    private boolean withinRate(String ref) {
        if (frameRate.tryAcquire()) {
            return true;
        }
        session.reject(ErrorCode.RATE_LIMITED, "more than " + config.rateLimit() + " frames a second (bursts of "
                + config.rateBurst() + "); this frame was dropped", ref);
        return false;
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
