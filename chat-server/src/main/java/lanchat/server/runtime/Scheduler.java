package lanchat.server.runtime;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The server's one {@code timer} thread: handshake deadlines, drain deadlines, the end of a held session, the idle
 * sweep, and work handed off to leave the caller's locks behind ({@link #later}). Made by the server, which
 * {@link #close}s it last. Whatever a task throws goes to {@link LastResort}. Thread-safe.
 */
public final class Scheduler implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;
    private final LastResort lastResort;

    public Scheduler(LastResort lastResort) {
        this.lastResort = lastResort;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code task} on the timer thread after {@code delay}. Once the timer has stopped, the task runs at once
     * on the calling thread instead (and null is returned), so a deadline is never lost.
     */
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        Runnable guarded = lastResort.guard("timer", task);
        try {
            return timer.schedule(guarded, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            guarded.run();
            return null;
        }
    }

    /**
     * Runs {@code task} soon on another thread (the timer's, or a new one once the timer has stopped): to leave
     * the caller's locks behind before doing more.
     */
    public void later(Runnable task) {
        Runnable guarded = lastResort.guard("timer", task);
        try {
            timer.execute(guarded);
        } catch (RejectedExecutionException e) {
            Thread.ofVirtual().name("later").start(guarded);
        }
    }

    /** Runs {@code task} every {@code period} on the timer thread until {@link #close}; named {@code where}. */
    public void every(Duration period, String where, Runnable task) {
        long nanos = period.toNanos();
        // Guarded: whatever escapes a periodic task would cancel it for good, silently.
        timer.scheduleWithFixedDelay(lastResort.guard(where, task), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the timer; tasks scheduled later run at once on their caller's thread. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
