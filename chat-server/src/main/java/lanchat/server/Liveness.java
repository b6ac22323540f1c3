package lanchat.server;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import lanchat.protocol.Event;

/**
 * The clock of one session: first the handshake deadline, then idle pings. A client silent for
 * {@code idleTimeout} is sent {@code ping}; silent for another {@code idleTimeout} after it, it is disconnected
 * with {@code timeout}. Any frame counts as a sign of life ({@link #heard()}, from the reader thread).
 *
 * <p>One pending check per session at a time on the server's {@code timer} thread, not one per frame: a check
 * that finds the client was heard from recently just schedules itself for later. Checks only queue a frame or
 * call {@link ClientSession#disconnect}, never block. {@link #stop()} cancels the pending check.
 */
final class Liveness {
    private final ClientSession session;
    private final Hub hub;
    private final long idleNanos;
    private volatile long heardNanos = System.nanoTime();
    // A ping is outstanding while pingedNanos is later than heardNanos.
    private volatile long pingedNanos = heardNanos;
    private volatile ScheduledFuture<?> pending;
    private volatile boolean stopped;

    Liveness(ClientSession session, Hub hub) {
        this.session = session;
        this.hub = hub;
        this.idleNanos = hub.config().idleTimeout().toNanos();
    }

    /** A frame arrived. */
    void heard() {
        heardNanos = System.nanoTime();
    }

    /** Arms the handshake deadline; called once, when the connection is accepted. */
    void startHandshakeDeadline() {
        schedule(session::expireHandshake, hub.config().handshakeTimeout().toNanos());
    }

    /** Replaces the handshake deadline by idle checks (none when the idle timeout is 0); called after hello. */
    void startIdleWatch() {
        cancelPending();
        if (idleNanos > 0) {
            schedule(this::checkIdle, idleNanos);
        }
    }

    void stop() {
        stopped = true;
        cancelPending();
    }

    private void checkIdle() {
        long now = System.nanoTime();
        long heard = heardNanos;
        long pinged = pingedNanos;
        if (pinged - heard > 0) {
            long waited = now - pinged;
            if (waited >= idleNanos) {
                session.disconnect(Disconnect.timeout());
            } else {
                schedule(this::checkIdle, idleNanos - waited);
            }
        } else if (now - heard >= idleNanos) {
            pingedNanos = now;
            session.send(new Event.Ping(), null);
            schedule(this::checkIdle, idleNanos);
        } else {
            schedule(this::checkIdle, heard + idleNanos - now);
        }
    }

    private void schedule(Runnable check, long delayNanos) {
        if (!stopped) {
            pending = hub.schedule(check, Duration.ofNanos(delayNanos));
        }
    }

    private void cancelPending() {
        ScheduledFuture<?> check = pending;
        if (check != null) {
            check.cancel(false);
        }
    }
}
