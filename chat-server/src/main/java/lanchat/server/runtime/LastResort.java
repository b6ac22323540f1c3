package lanchat.server.runtime;

import java.util.logging.Logger;

/**
 * What a long-lived thread ({@code accept}, {@code timer}, {@code discovery}, {@code coalescer}, a session's reader
 * or outbox) does with a {@link Throwable} nobody expected, so that no such thread ever dies silently:
 * <ul>
 *   <li>an {@link Exception} is a bug in one piece of work: logged as one bounded SEVERE line ({@link BugReport}), and the loop goes
 *       on (a session's reader ends that session only);</li>
 *   <li>an {@link Error} ({@code OutOfMemoryError}, {@code StackOverflowError}, …) leaves the JVM in doubt: one
 *       SEVERE line, and the whole server is stopped. A half-alive server, accepting connections it can no
 *       longer serve, is worse than none.</li>
 * </ul>
 * The scripts also start the server's JVM with {@code -XX:+ExitOnOutOfMemoryError}, which ends the process at the
 * first {@code OutOfMemoryError}, before any catch: this class is for the other errors, and for a server run
 * inside another program (the tests). Thread-safe.
 */
public final class LastResort {
    private static final Logger LOG = Logger.getLogger(LastResort.class.getName());

    private final Runnable stopServer;

    /** {@code stopServer} runs (once per error) when an {@link Error} is caught; it must not block for long. */
    public LastResort(Runnable stopServer) {
        this.stopServer = stopServer;
    }

    /** A last resort that only logs: for parts made on their own, in tests. */
    public static LastResort logOnly() {
        return new LastResort(() -> { });
    }

    /** Logs {@code failure}, caught in the thread doing {@code where}; stops the server for an {@link Error}. */
    public void caught(String where, Throwable failure) {
        if (failure instanceof Error) {
            // One line, no stack trace: with the heap exhausted even formatting a trace may fail.
            LOG.severe("fatal: " + failure + " in " + where + "; stopping the server");
            stopServer.run();
        } else {
            // One bounded line: the exception's message may quote what a peer sent.
            LOG.severe("bug: " + where + " failed; going on: " + BugReport.describe(failure));
        }
    }

    /** {@code task}, but whatever it throws is {@link #caught} rather than lost in an executor's future. */
    public Runnable guard(String where, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable failure) {
                caught(where, failure);
            }
        };
    }
}
