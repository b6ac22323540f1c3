package lanchat.server.runtime;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A budget of log lines per second for one kind of line that peers cause (connects and disconnects): a host
 * opening hundreds of connections a second would otherwise fill the disk with log. Within the budget each line is
 * logged; past it lines are counted, not logged, and the first line of a later second is preceded by
 * {@code 1234 similar lines suppressed}. Any thread may call it; lines are logged outside its lock.
 */
public final class LogThrottle {
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final Logger log;
    private final int linesPerSecond;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private long windowStart;
    private int loggedInWindow;
    private long suppressed;

    /** A throttle logging at most {@code linesPerSecond} lines a second to {@code log}. */
    public LogThrottle(Logger log, int linesPerSecond) {
        this(log, linesPerSecond, System::nanoTime);
    }

    public LogThrottle(Logger log, int linesPerSecond, LongSupplier nanoClock) {
        if (linesPerSecond <= 0) {
            throw new IllegalArgumentException("linesPerSecond <= 0: " + linesPerSecond);
        }
        this.log = log;
        this.linesPerSecond = linesPerSecond;
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /** Logs {@code line} at INFO if the budget allows; the line is only built when it is logged. */
    public void info(Supplier<String> line) {
        if (!log.isLoggable(Level.INFO)) {
            return;
        }
        long summary;
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            // Compared by difference: nanoTime values may wrap.
            if (now - windowStart >= SECOND_NANOS) {
                windowStart = now;
                loggedInWindow = 0;
            }
            if (loggedInWindow == linesPerSecond) {
                suppressed++;
                return;
            }
            loggedInWindow++;
            summary = suppressed;
            suppressed = 0;
        } finally {
            lock.unlock();
        }
        if (summary > 0) {
            log.info(summary + (summary == 1 ? " similar line" : " similar lines") + " suppressed");
        }
        log.info(line);
    }
}
