package lanchat.server;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What every session of one server shares: the options, the nick and room registries, the open connections, the
 * session tokens, the {@code timer} thread that runs deadlines, the {@link Coalescer} that spaces writes, the file
 * transfers in progress, and what each address has ({@link HostLedger}, {@link PasswordGuard}). Made by
 * {@link ChatServer}; all of it is thread-safe. What one of its threads did not expect goes to {@link LastResort}.
 */
record Hub(ServerConfig config, Nicknames nicknames, Rooms rooms, Sessions sessions, Tokens tokens,
        ScheduledExecutorService timer, Coalescer coalescer, Transfers transfers, LastResort lastResort,
        HostLedger hosts, PasswordGuard passwords) {

    /**
     * Runs {@code task} on the timer thread after {@code delay}. Once the server has stopped its timer, the task
     * runs at once on the calling thread instead, so a deadline is never lost.
     */
    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
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
    void later(Runnable task) {
        Runnable guarded = lastResort.guard("timer", task);
        try {
            timer.execute(guarded);
        } catch (RejectedExecutionException e) {
            Thread.ofVirtual().name("later").start(guarded);
        }
    }
}
