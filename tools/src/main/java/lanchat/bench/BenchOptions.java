package lanchat.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lanchat.protocol.FieldRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * The command line of {@code scripts/bench}, parsed by picocli. Options left out get a default that depends
 * on the scenario (50 clients for fanout, 20 for slow, 10,000 for capacity, ...): the accessors return the
 * value in effect. {@link #validate()} turns a mistake into one sentence.
 *
 * <p>Filled in and read by the main thread.
 */
@Command(name = "scripts/bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        version = "lanchat bench 1.0.0",
        description = {
            "Measures a LanChat server on this machine, over loopback only.",
            "  fanout    C clients in one room, each sending at a total paced rate R; reports deliveries/s,",
            "            end-to-end latency percentiles, lost/duplicate/out-of-order seqs, server CPU per",
            "            delivery and RSS.",
            "  capacity  N idle registered clients; reports how many were held, the ramp time and the server's",
            "            RSS per connection.",
            "  slow      --pairs pairs of fanout runs, alternating without and with one member that never",
            "            reads; reports the others' p99 with / without it (pooled over the runs, and each",
            "            pair's), the other processes' CPU use in each run, and when and how the server cut the",
            "            stalled member off.",
            "Unless --port is given it starts chat-server.jar on a free loopback port with --rate-limit 0."},
        footer = {"", "Examples:", "  scripts/bench fanout --clients 50 --rate 5000 --seconds 5",
            "  scripts/bench fanout --rate 0 --seconds 5 --json",
            "  scripts/bench capacity --clients 10000 --threads platform",
            "  scripts/bench slow --pairs 5 --send-queue-bytes 262144",
            "  scripts/bench fanout --server-jfr fanout.jfr   (then: jfr view hot-methods fanout.jfr)"})
final class BenchOptions {
    // Keep in step with scripts/server: the bench measures the server as that script runs it. The server runs on
    // the bench's own JDK; 8-byte object headers exist from JDK 25 on.
    private static final List<String> SERVER_SCRIPT_JVM_OPTIONS = Runtime.version().feature() >= 25
            ? List.of("-XX:+UseSerialGC", "-Xmn16m", "-XX:+UseCompactObjectHeaders")
            : List.of("-XX:+UseSerialGC", "-Xmn16m");

    /** What to measure. */
    enum Scenario { FANOUT, CAPACITY, SLOW }

    /** The server's {@code --threads} choice. */
    enum Threads {
        VIRTUAL, PLATFORM;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "fanout, capacity or slow")
    private Scenario scenario;

    @Option(names = {"-c", "--clients"}, paramLabel = "N",
            description = "Clients (default: fanout 50, slow 20 plus the stalled one, capacity 10000).")
    private Integer clients;

    @Option(names = {"-r", "--rate"}, paramLabel = "MSG/S",
            description = "Messages per second from all senders together; 0 = as fast as possible "
                    + "(default: fanout 5000, slow 2000).")
    private Double rate;

    @Option(names = {"-m", "--messages"}, paramLabel = "M",
            description = "Measured messages per client (default: as many as --seconds takes at --rate).")
    private Long messages;

    @Option(names = {"-s", "--seconds"}, paramLabel = "S",
            description = "Length of the measured part when --messages is not given (default: ${DEFAULT-VALUE}).")
    private double seconds = 5;

    @Option(names = "--payload", paramLabel = "CHARS",
            description = "Message text length, 16 to 4000 (default: fanout 100, slow 400).")
    private Integer payload;

    @Option(names = "--warmup-seconds", paramLabel = "S",
            description = "Warm-up at the same rate, sent and received before measuring (default: "
                    + "${DEFAULT-VALUE}).")
    private double warmupSeconds = 2;

    @Option(names = "--window", paramLabel = "M",
            description = "With --rate 0: a client's messages on their way at most (default: ${DEFAULT-VALUE}).")
    private int window = 4;

    @Option(names = "--receive-threads", paramLabel = "N",
            description = "Threads that read for all fanout clients, each a selector loop (default: "
                    + "${DEFAULT-VALUE}).")
    private int receiveThreads = 1;

    @Option(names = "--pairs", paramLabel = "N",
            description = "slow: pairs of runs without / with the stalled member, alternating (default: 3).")
    private Integer pairs;

    @Option(names = "--hold-seconds", paramLabel = "S",
            description = "capacity: how long to hold all clients before checking them (default: "
                    + "${DEFAULT-VALUE}).")
    private double holdSeconds = 2;

    @Option(names = "--warmup-clients", paramLabel = "N",
            description = "capacity: clients that connect, register and quit before the measured ones, so that "
                    + "the server is measured warm (JIT-compiled, heap in use), as a server that has run for a "
                    + "while is; 0 = measure a cold server (default: ${DEFAULT-VALUE}).")
    private int warmupClients = 500;

    @Option(names = "--connect-concurrency", paramLabel = "N",
            description = "capacity: handshakes in progress at once, below the server's listen backlog "
                    + "(default: ${DEFAULT-VALUE}).")
    private int connectConcurrency = 32;

    @Option(names = "--max-seconds", paramLabel = "S",
            description = "Every run ends by then, finished or not; for slow, all its runs together (default: "
                    + "${DEFAULT-VALUE}).")
    private double maxSeconds = 120;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Loopback address of the server (default: ${DEFAULT-VALUE}).")
    private String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Use the server running there; start none.")
    private Integer port;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "With --port: the server's pid, to read its CPU time and RSS.")
    private Long serverPid;

    @Option(names = "--threads", paramLabel = "KIND",
            description = "Passed to the server: virtual or platform threads per connection.")
    private Threads threads;

    @Option(names = "--send-queue-bytes", paramLabel = "BYTES", description = "Passed to the server.")
    private Long sendQueueBytes;

    @Option(names = "--max-clients", paramLabel = "N",
            description = "Passed to the server (default for capacity: --clients + 64).")
    private Integer maxClients;

    @Option(names = "--server-jvm-opt", paramLabel = "OPT",
            description = "A JVM option for the server, e.g. -Xmx256m (repeatable; default: the same as "
                    + "scripts/server, -XX:+UseSerialGC -Xmn16m, and on JDK 25+ -XX:+UseCompactObjectHeaders).")
    private List<String> serverJvmOptions = new ArrayList<>();

    @Option(names = "--server-arg", paramLabel = "ARG", description = "Another server option (repeatable).")
    private List<String> serverArgs = new ArrayList<>();

    @Option(names = "--server-jfr", paramLabel = "FILE",
            description = "Record the server's measured part (after the warm-up) with JDK Flight Recorder into "
                    + "FILE, through jcmd; with several runs (slow), the last one.")
    private Path serverJfr;

    @Option(names = "--server-jar", paramLabel = "JAR", description = "Default: ${DEFAULT-VALUE}.")
    private Path serverJar = Path.of("chat-server", "target", "chat-server.jar");

    @Option(names = "--server-log", paramLabel = "FILE",
            description = "Where the started server's output goes (default: a new file in the temp dir).")
    private Path serverLog;

    @Option(names = "--clock-ticks", paramLabel = "HZ",
            description = "Kernel clock ticks per second for /proc CPU times, getconf CLK_TCK "
                    + "(default: ${DEFAULT-VALUE}).")
    private long clockTicks = 100;

    /** The picocli parser for {@code options}: scenario and thread names in any case. */
    static CommandLine commandLine(BenchOptions options) {
        // Overwriting allowed: scripts/bench passes defaults (--server-jar, --clock-ticks) that a user may
        // repeat to change them.
        return new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true);
    }

    /** Checks what picocli cannot: ranges, combinations, loopback. Throws {@link BenchException}. */
    void validate() {
        requirePositive("--clients", clients);
        require(rate == null || rate >= 0, "--rate must be 0 or more, got " + rate);
        requirePositive("--messages", messages);
        require(seconds > 0, "--seconds must be more than 0, got " + seconds);
        require(payload == null
                || (payload >= StampedText.MIN_PAYLOAD_CHARS && payload <= FieldRules.MAX_TEXT_CODE_POINTS),
                "--payload must be from " + StampedText.MIN_PAYLOAD_CHARS + " to " + FieldRules.MAX_TEXT_CODE_POINTS
                        + ", got " + payload);
        require(warmupSeconds >= 0, "--warmup-seconds must be 0 or more, got " + warmupSeconds);
        require(window >= 1, "--window must be 1 or more, got " + window);
        require(receiveThreads >= 1, "--receive-threads must be 1 or more, got " + receiveThreads);
        requirePositive("--pairs", pairs);
        require(scenario == Scenario.SLOW || pairs == null, "--pairs applies to slow only");
        require(holdSeconds >= 0, "--hold-seconds must be 0 or more, got " + holdSeconds);
        require(warmupClients >= 0, "--warmup-clients must be 0 or more, got " + warmupClients);
        require(connectConcurrency >= 1, "--connect-concurrency must be 1 or more, got " + connectConcurrency);
        require(maxSeconds > 0, "--max-seconds must be more than 0, got " + maxSeconds);
        require(clockTicks > 0, "--clock-ticks must be more than 0, got " + clockTicks);
        require(port == null || (port >= 1 && port <= 65_535), "--port must be from 1 to 65535, got " + port);
        require(serverPid == null || port != null,
                "--server-pid needs --port: it names a server already running");
        require(scenario != Scenario.CAPACITY || (rate == null && messages == null && payload == null),
                "--rate, --messages and --payload apply to fanout and slow, not to capacity");
        requireLoopback(host);
    }

    private static void requirePositive(String option, Number value) {
        require(value == null || value.longValue() >= 1, option + " must be 1 or more, got " + value);
    }

    private static void requireLoopback(String host) {
        try {
            require(InetAddress.getByName(host).isLoopbackAddress(),
                    "--host must be a loopback address (the benchmark stays on this machine), got " + host);
        } catch (UnknownHostException e) {
            throw new BenchException("--host " + host + " does not resolve", e);
        }
    }

    private static void require(boolean rule, String problem) {
        if (!rule) {
            throw new BenchException(problem);
        }
    }

    Scenario scenario() {
        return scenario;
    }

    int clients() {
        if (clients != null) {
            return clients;
        }
        return switch (scenario) {
            case FANOUT -> 50;
            case SLOW -> 20;
            case CAPACITY -> 10_000;
        };
    }

    double rate() {
        return rate != null ? rate : scenario == Scenario.SLOW ? 2_000 : 5_000;
    }

    int payload() {
        return payload != null ? payload : scenario == Scenario.SLOW ? 400 : 100;
    }

    /** The settings of one fanout run (also each run of slow). */
    FanoutSettings fanoutSettings() {
        return new FanoutSettings(clients(), rate(), messages == null ? 0 : messages, seconds(seconds), payload(),
                seconds(warmupSeconds), window, receiveThreads, maxTime());
    }

    /** slow: how many pairs of runs, without and with the stalled member. */
    int pairs() {
        return pairs != null ? pairs : 3;
    }

    Duration holdTime() {
        return seconds(holdSeconds);
    }

    int warmupClients() {
        return warmupClients;
    }

    int connectConcurrency() {
        return connectConcurrency;
    }

    Duration maxTime() {
        return seconds(maxSeconds);
    }

    boolean json() {
        return json;
    }

    String host() {
        return host;
    }

    Integer port() {
        return port;
    }

    Long serverPid() {
        return serverPid;
    }

    Threads threads() {
        return threads;
    }

    Long sendQueueBytes() {
        return sendQueueBytes;
    }

    /** --max-clients as given; for capacity, room for every client plus a margin. */
    Integer maxClients() {
        if (maxClients == null && scenario == Scenario.CAPACITY) {
            return clients() + 64;
        }
        return maxClients;
    }

    /** --server-jvm-opt as given, or else the options scripts/server runs the server with. */
    List<String> serverJvmOptions() {
        return serverJvmOptions.isEmpty() ? SERVER_SCRIPT_JVM_OPTIONS : List.copyOf(serverJvmOptions);
    }

    List<String> serverArgs() {
        return List.copyOf(serverArgs);
    }

    Path serverJar() {
        return serverJar;
    }

    /** Where to write the flight recording of the measured part, or null for none. */
    Path serverJfr() {
        return serverJfr;
    }

    Path serverLog() {
        return serverLog;
    }

    long clockTicks() {
        return clockTicks;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
