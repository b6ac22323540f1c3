package lanchat.server;

import lanchat.server.runtime.ThreadKind;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.logging.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The server's command line, with every default. Parsed by {@link Main} on the main thread (and by
 * {@link ServerConfig#fromOptions} for tests); {@link #config()} turns it into a validated {@link ServerConfig}.
 * Durations are seconds, decimals allowed ({@code --handshake-timeout 0.5}).
 */
@Command(name = "lanchat-server", sortOptions = false, mixinStandardHelpOptions = true,
        version = "lanchat-server 1.0.0 (protocol 1)",
        description = "The LanChat server: nicknames, rooms and private messages over TCP.")
final class Options {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "0.0.0.0",
            description = "Address to listen on: 0.0.0.0 = every IPv4 interface, :: = every interface, "
                    + "127.0.0.1 = this machine only. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7777",
            description = "TCP port; 0 picks a free one (the line on stdout tells which). "
                    + "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--backlog", paramLabel = "N", defaultValue = "50",
            description = "Listen backlog: connections the kernel queues until accept() takes them. "
                    + "Default: ${DEFAULT-VALUE}.")
    int backlog;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "lanchat",
            description = "Server name sent in welcome. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--motd", paramLabel = "TEXT",
            description = "Message of the day sent in welcome. Default: none.")
    String motd;

    @Option(names = "--password", paramLabel = "SECRET",
            description = "Password every hello must carry. Default: none (no password).")
    String password;

    @Option(names = "--max-clients", paramLabel = "N", defaultValue = "1000",
            description = "Connections at once, counted at accept; one more gets server_full. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxClients;

    @Option(names = "--send-queue-bytes", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Bytes a client may have waiting to be sent before it is disconnected with "
                    + "send_queue_exceeded. Default: ${DEFAULT-VALUE} (1 MiB).")
    int sendQueueBytes;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10",
            converter = Seconds.class,
            description = "Time a new connection has to complete hello. Default: ${DEFAULT-VALUE} s.")
    Duration handshakeTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30", converter = Seconds.class,
            description = "A client silent this long is pinged, and disconnected if still silent after as long "
                    + "again; 0 = never. Default: ${DEFAULT-VALUE} s.")
    Duration idleTimeout;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "20",
            description = "Frames a second per client (token bucket); 0 = no limit. Default: ${DEFAULT-VALUE}.")
    int rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "40",
            description = "Frames a client may send in a burst. Default: ${DEFAULT-VALUE}.")
    int rateBurst;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "50",
            description = "Errors a client may cause within a minute before too_many_errors. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxErrors;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "2", converter = Seconds.class,
            description = "Time a closing connection's queue gets to drain (shutdown, disconnects) before the "
                    + "socket is closed anyway. Default: ${DEFAULT-VALUE} s.")
    Duration drainTimeout;

    @Option(names = "--threads", paramLabel = "KIND", defaultValue = "virtual",
            description = "Threads per connection: virtual or platform. Default: ${DEFAULT-VALUE}.")
    ThreadKind threads;

    @Option(names = "--no-discovery", negatable = false,
            description = "Do not answer LAN discovery datagrams (scripts/client --discover).")
    boolean noDiscovery;

    @Option(names = "--discovery-port", paramLabel = "PORT", defaultValue = "-1",
            description = "UDP port for discovery. Default: the TCP port's number.")
    int discoveryPort;

    @Option(names = "--accept-pause", paramLabel = "SECONDS", defaultValue = "0", converter = Seconds.class,
            description = "Debugging: wait this long after listening before the first accept(), to show the "
                    + "listen backlog at work (scripts/backlog-demo). Default: ${DEFAULT-VALUE}.")
    Duration acceptPause;

    @Option(names = "--coalesce", paramLabel = "SECONDS", defaultValue = "0.002", converter = Seconds.class,
            description = "Tick of write coalescing: a client is written to at most once per tick, so frames for "
                    + "it that come after a write wait for the next tick and leave together in one write (fewer "
                    + "system calls on a busy server); 0 = write each at once. Default: ${DEFAULT-VALUE} s.")
    Duration coalesce;

    @Option(names = "--plain", description = "No TLS: speak the protocol in clear text, for teaching and "
            + "Wireshark. Anyone on the LAN can then read every message and password and take over sessions. "
            + "Default: TLS 1.3 with the key in the data directory or ~/.lanchat/.")
    boolean plain;

    @Mixin
    HistoryOptions history = new HistoryOptions();

    @Option(names = "--max-file-bytes", paramLabel = "BYTES", defaultValue = "104857600",
            description = "Largest file a client may send to another (the server relays it, never stores it); "
                    + "0 = no file transfers. Default: ${DEFAULT-VALUE} (100 MiB).")
    long maxFileBytes;

    @Mixin
    HostOptions hosts = new HostOptions();

    @Option(names = "--quiet", description = "Log warnings and errors only.")
    boolean quiet;

    @Option(names = "--verbose", description = "Also log each hello and each frame received.")
    boolean verbose;

    private CommandLine commandLine;

    /** Parses {@code args}; throws {@link CommandLine.ParameterException} for a bad option or value. */
    static Options parse(String... args) {
        Options options = new Options();
        options.commandLine = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        options.commandLine.parseArgs(args);
        return options;
    }

    boolean helpRequested() {
        return commandLine.isUsageHelpRequested();
    }

    boolean versionRequested() {
        return commandLine.isVersionHelpRequested();
    }

    void printHelp(PrintStream out) {
        commandLine.usage(out);
    }

    void printVersion(PrintStream out) {
        commandLine.printVersionHelp(out);
    }

    /** The validated configuration; throws {@link IllegalArgumentException} naming the option at fault. */
    ServerConfig config() {
        if (quiet && verbose) {
            throw new IllegalArgumentException("--quiet and --verbose contradict each other; choose one");
        }
        return new ServerConfig(host, port, backlog, name, motd, password, maxClients, sendQueueBytes,
                handshakeTimeout, idleTimeout, rateLimit, rateBurst, maxErrors, drainTimeout, threads, !noDiscovery,
                discoveryPort, acceptPause, history.config(), maxFileBytes, coalesce, hosts.config(),
                plain);
    }

    Level logLevel() {
        return quiet ? Level.WARNING : verbose ? Level.FINE : Level.INFO;
    }

    /** A number of seconds, decimals allowed, as a {@link Duration}. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                BigDecimal seconds = new BigDecimal(value.trim());
                if (seconds.signum() < 0) {
                    throw new TypeConversionException("'" + value + "' is negative; expected seconds, e.g. 0.5");
                }
                BigDecimal nanos = seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP);
                return Duration.ofNanos(nanos.longValueExact());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds, e.g. 0.5 or 10");
            } catch (ArithmeticException e) {
                throw new TypeConversionException("'" + value + "' seconds is too long");
            }
        }
    }
}
