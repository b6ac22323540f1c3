package lanchat.server.session;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import lanchat.server.runtime.Scheduler;

/**
 * The one periodic task that looks at every open session's idle clock ({@link Liveness}), every
 * {@link Liveness#sweepPeriod}, on the timer thread: so an idle connection costs no timer task of its own.
 */
public final class IdleSweep {
    private static final Logger LOG = Logger.getLogger(IdleSweep.class.getName());

    private IdleSweep() {
    }

    /** Starts the sweep until the scheduler stops; nothing to do when {@code idleTimeout} is 0. */
    public static void start(Scheduler scheduler, Duration idleTimeout, Sessions sessions) {
        if (idleTimeout.isZero()) {
            return;
        }
        scheduler.every(Liveness.sweepPeriod(idleTimeout), "idle sweep", () -> {
            long now = System.nanoTime();
            sessions.forEach(session -> checkOne(session, now));
        });
    }

    // A bug in one check must not end the sweep: an exception would cancel the periodic task for good.
    private static void checkOne(Session session, long now) {
        try {
            session.checkLiveness(now);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "idle check of " + session + " failed", e);
        }
    }
}
