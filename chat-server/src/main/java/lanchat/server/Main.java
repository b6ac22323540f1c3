package lanchat.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.UnknownHostException;
import lanchat.server.history.DataDirException;
import lanchat.server.tls.KeyFileException;
import picocli.CommandLine.ParameterException;

/**
 * {@code java -jar chat-server.jar [options]}: parses the options, starts a {@link ChatServer} and serves until
 * SIGTERM or Ctrl-C, whose shutdown hook closes the server gracefully and exits 0. A mistake on the command line
 * is one sentence on stderr and exit code 2; a server that cannot listen (port in use, unknown address) is one
 * sentence and exit code 1. A server stopped by a fatal error in one of its threads ({@link LastResort}) exits with
 * code 3, as the JVM does itself on an {@code OutOfMemoryError} with {@code -XX:+ExitOnOutOfMemoryError}. Runs
 * on the main thread; the hook runs on a thread called {@code shutdown}.
 */
public final class Main {
    static final int OK = 0;
    static final int CANNOT_START = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;
    private static final String LOG_MANAGER = "java.util.logging.manager";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_MANAGER) == null) {
            System.setProperty(LOG_MANAGER, ServerLogManager.class.getName());
        }
        int status = run(args, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    /**
     * Everything {@link #main} does except exiting: returns the exit code at once for help, version and every
     * error; after a successful start it serves until the server is closed, then returns {@link #OK}.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        ServerConfig config;
        try {
            options = Options.parse(args);
            if (options.helpRequested() || options.versionRequested()) {
                return printHelpOrVersion(options, out);
            }
            config = options.config();
        } catch (ParameterException | IllegalArgumentException e) {
            err.println("lanchat-server: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        LogFormat.install(options.logLevel());
        ChatServer server = new ChatServer(config, out);
        try {
            server.start();
        } catch (DataDirException | KeyFileException e) {
            err.println("lanchat-server: " + e.getMessage());
            server.close();
            return CANNOT_START;
        } catch (IOException e) {
            err.println("lanchat-server: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + describe(e));
            server.close();
            return CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(server, out, err), "shutdown"));
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server.failed()) {
            err.println("lanchat-server: stopped after a fatal error (see the log above)");
            return FAILED;
        }
        return OK;
    }

    private static int printHelpOrVersion(Options options, PrintStream out) {
        if (options.helpRequested()) {
            options.printHelp(out);
        } else {
            options.printVersion(out);
        }
        return OK;
    }

    private static void shutDown(ChatServer server, PrintStream out, PrintStream err) {
        server.close();
        out.flush();
        err.flush();
        // The JVM would otherwise report SIGTERM as exit status 143; a graceful shutdown is a success, unless
        // a fatal error stopped the server (then main() is exiting with FAILED, which runs this hook).
        Runtime.getRuntime().halt(server.failed() ? FAILED : OK);
    }

    private static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "no such host";
        }
        String reason = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof BindException && reason.contains("in use")) {
            return "the address is already in use (another server running? choose another --port)";
        }
        if (e instanceof BindException && reason.contains("assign")) {
            return "that address does not belong to this machine";
        }
        return reason;
    }
}
