package lanchat.server.session;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import lanchat.server.runtime.Scheduler;

/**
 * The clock of one session: first the handshake deadline, then idle pings. A client silent for
 * {@code idleTimeout} is sent {@code ping}; silent for another {@code idleTimeout} after it, it is disconnected
 * with {@code timeout}. Any frame counts as a sign of life ({@link #heard()}, from the reader thread).
 *
 * <p>The handshake deadline is a task of its own on the server's {@code timer} thread, cancelled by the
 * {@code hello}. The idle watch has no task per session: one {@link IdleSweep sweep} on the timer looks at every
 * session's clock ({@link #check}) every {@link #sweepPeriod}, so an idle connection costs no timer task, and a
 * ping or a timeout comes at most one period late (30 to 31 s of silence by default). The {@link Alarms} only
 * queue a frame or end the session, never block. {@link #stop()} ends the watch.
 */
final class Liveness {
    private static final Duration LONGEST_SWEEP_PERIOD = Duration.ofSeconds(1);
    private static final Duration SHORTEST_SWEEP_PERIOD = Duration.ofMillis(10);

    /** What the clock calls for; each called at most once per look, never with a lock held. */
    interface Alarms {
        /** Silent for the idle timeout: send a ping. */
        void idle();

        /** Silent for the idle timeout again after the ping. */
        void silentAfterPing();

        /** No successful {@code hello} within the handshake timeout (timer thread). */
        void handshakeDeadline();
    }

    private final Alarms alarms;
    private final Scheduler scheduler;
    private final Duration handshakeTimeout;
    private final long idleNanos;
    private volatile long heardNanos = System.nanoTime();
    // A ping is outstanding while pingedNanos is later than heardNanos.
    private volatile long pingedNanos = heardNanos;
    private volatile ScheduledFuture<?> handshakeDeadline;
    private volatile boolean watching;
    private volatile boolean stopped;

    Liveness(Alarms alarms, Scheduler scheduler, Duration idleTimeout, Duration handshakeTimeout) {
        this.alarms = alarms;
        this.scheduler = scheduler;
        this.handshakeTimeout = handshakeTimeout;
        this.idleNanos = idleTimeout.toNanos();
    }

    /** A tenth of the idle timeout, between 10 ms and 1 s: how late a ping or a timeout may come. */
    public static Duration sweepPeriod(Duration idleTimeout) {
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
        handshakeDeadline = scheduler.schedule(alarms::handshakeDeadline, handshakeTimeout);
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
                alarms.silentAfterPing();
            }
        } else if (now - heard >= idleNanos) {
            pingedNanos = now;
            alarms.idle();
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
