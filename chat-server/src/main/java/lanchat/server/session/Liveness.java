package lanchat.server;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import lanchat.protocol.Event;

/**
 * The clock of one session: first the handshake deadline, then idle pings. A client silent for
 * {@code idleTimeout} is sent {@code ping}; silent for another {@code idleTimeout} after it, it is disconnected
 * with {@code timeout}. Any frame counts as a sign of life ({@link #heard()}, from the reader thread).
 *
 * <p>The handshake deadline is a task of its own on the server's {@code timer} thread, cancelled by the
 * {@code hello}. The idle watch has no task per session: one {@link #startSweep sweep} on the timer looks at every
 * session's clock ({@link #check}) every {@link #sweepPeriod}, so an idle connection costs no timer task, and a
 * ping or a timeout comes at most one period late (30 to 31 s of silence by default). Checks only queue a frame
 * or call {@link ClientSession#disconnect}, never block. {@link #stop()} ends the watch.
 */
final class Liveness {
    private static final Logger LOG = Logger.getLogger(Liveness.class.getName());
    private static final Duration LONGEST_SWEEP_PERIOD = Duration.ofSeconds(1);
    private static final Duration SHORTEST_SWEEP_PERIOD = Duration.ofMillis(10);

    private final ClientSession session;
    private final Hub hub;
    private final long idleNanos;
    private volatile long heardNanos = System.nanoTime();
    // A ping is outstanding while pingedNanos is later than heardNanos.
    private volatile long pingedNanos = heardNanos;
    private volatile ScheduledFuture<?> handshakeDeadline;
    private volatile boolean watching;
    private volatile boolean stopped;

    Liveness(ClientSession session, Hub hub) {
        this.session = session;
        this.hub = hub;
        this.idleNanos = hub.config().idleTimeout().toNanos();
    }

    /**
     * Starts checking the clock of every open session, every {@link #sweepPeriod}, on the timer thread until the
     * server stops it; nothing to do when the idle timeout is 0. Called once, by {@link ChatServer#start()}.
     */
    static void startSweep(Hub hub) {
        Duration idleTimeout = hub.config().idleTimeout();
        if (idleTimeout.isZero()) {
            return;
        }
        long period = sweepPeriod(idleTimeout).toNanos();
        // Guarded: whatever escapes a periodic task would cancel it for good, silently.
        hub.timer().scheduleWithFixedDelay(hub.lastResort().guard("idle sweep", () -> {
            long now = System.nanoTime();
            hub.sessions().forEach(session -> checkOne(session, now));
        }), period, period, TimeUnit.NANOSECONDS);
    }

    // A bug in one check must not end the sweep: an exception would cancel the periodic task for good.
    private static void checkOne(ClientSession session, long now) {
        try {
            session.liveness().check(now);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "idle check of " + session + " failed", e);
        }
    }

    /** A tenth of the idle timeout, between 10 ms and 1 s: how late a ping or a timeout may come. */
    static Duration sweepPeriod(Duration idleTimeout) {
        Duration tenth = idleTimeout.dividedBy(10);
        return tenth.compareTo(LONGEST_SWEEP_PERIOD) > 0 ? LONGEST_SWEEP_PERIOD
                : tenth.compareTo(SHORTEST_SWEEP_PERIOD) < 0 ? SHORTEST_SWEEP_PERIOD : tenth;
    }

    /** A frame arrived. */
    void heard() {
        heardNanos = System.nanoTime();
    }

    /** Arms the handshake deadline; called once, when the connection is accepted. */
    void startHandshakeDeadline() {
        handshakeDeadline = hub.schedule(session::expireHandshake, hub.config().handshakeTimeout());
    }

    /** Replaces the handshake deadline by the idle watch (none when the idle timeout is 0); called after hello. */
    void startIdleWatch() {
        cancelHandshakeDeadline();
        watching = idleNanos > 0 && !stopped;
    }

    void stop() {
        stopped = true;
        watching = false;
        cancelHandshakeDeadline();
    }

    /** One look at the clock, at {@code now}; from the sweep on the timer thread. */
    void check(long now) {
        if (!watching) {
            return;
        }
        long heard = heardNanos;
        long pinged = pingedNanos;
        if (pinged - heard > 0) {
            if (now - pinged >= idleNanos) {
                watching = false;
                session.disconnect(Disconnect.timeout());
            }
        } else if (now - heard >= idleNanos) {
            pingedNanos = now;
            session.send(new Event.Ping(), null);
        }
    }

    private void cancelHandshakeDeadline() {
        ScheduledFuture<?> deadline = handshakeDeadline;
        if (deadline != null) {
            deadline.cancel(false);
            handshakeDeadline = null;
        }
    }
}
