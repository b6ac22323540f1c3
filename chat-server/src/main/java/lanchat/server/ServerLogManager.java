package lanchat.server;

import java.util.logging.LogManager;

/**
 * The {@code java.util.logging} manager, minus one habit: once the server's logging is set up, it no longer
 * resets (silences) every logger. The stock manager does that from a shutdown hook of its own, which runs at the
 * same time as {@link Main}'s hook, so the log lines of a graceful shutdown ({@code disconnect …: server
 * shutting down}) would be lost. {@link Main#main} installs it through the {@code java.util.logging.manager}
 * property before anything logs; the console handler flushes every record, so nothing is left unwritten when
 * the JVM exits.
 */
public final class ServerLogManager extends LogManager {
    private static volatile boolean keepHandlers;

    /** From now on {@link #reset()} leaves the loggers alone. Called by {@link LogFormat#install}. */
    static void keepHandlersUntilExit() {
        keepHandlers = true;
    }

    @Override
    public void reset() {
        if (!keepHandlers) {
            super.reset();
        }
    }
}
