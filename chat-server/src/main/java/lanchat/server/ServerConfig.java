package lanchat.server;

import lanchat.server.session.HostLimits;
import lanchat.server.runtime.ThreadKind;
import java.time.Duration;
import java.util.Objects;
import lanchat.protocol.FieldRules;
import lanchat.protocol.wire.FrameWriter;

/**
 * Everything the server can be told, validated: an invalid configuration cannot exist. {@link Main} builds it from
 * the command line; tests (and the client's tests) build it with {@link #fromOptions}, which takes the same
 * options, so defaults live in one place ({@link Options}). Immutable; read by every thread.
 *
 * @param host             address to listen on ({@code --host})
 * @param port             TCP port, 0 for any free one ({@code --port})
 * @param backlog          the listen backlog ({@code --backlog})
 * @param name             the server's name, sent in {@code welcome} ({@code --name})
 * @param motd             message of the day for {@code welcome}, or null ({@code --motd})
 * @param password         the password {@code hello} must carry, or null for none ({@code --password})
 * @param maxClients       connections at once, counted at accept ({@code --max-clients})
 * @param sendQueueBytes   bytes a client may have waiting to be sent ({@code --send-queue-bytes})
 * @param handshakeTimeout time from accept to a successful {@code hello} ({@code --handshake-timeout})
 * @param idleTimeout      silence before a {@code ping}, and again before {@code timeout}; 0 = never
 * @param rateLimit        frames a second per client, 0 = no limit ({@code --rate-limit})
 * @param rateBurst        frames a client may send at once ({@code --rate-burst})
 * @param maxErrors        errors a client may cause within a minute ({@code --max-errors})
 * @param drainTimeout     time a closing connection's queue gets to drain ({@code --drain-timeout})
 * @param threads          virtual or platform threads per connection ({@code --threads})
 * @param discovery        whether to answer LAN discovery datagrams ({@code --no-discovery} turns it off)
 * @param discoveryPort    UDP port for discovery, -1 for the TCP port's number ({@code --discovery-port})
 * @param acceptPause      debugging: delay before the first accept() ({@code --accept-pause})
 * @param history          room history, resume and persistence ({@code --history}, {@code --resume-grace},
 *                         {@code --data-dir}, {@code --fsync})
 * @param maxFileBytes     the largest file a client may offer; 0 = no file transfers ({@code --max-file-bytes})
 * @param coalesce         tick of write coalescing: each client is written to at most once per tick; 0 = none
 *                         ({@code --coalesce})
 * @param hosts            what one address may use: connections, held sessions, password tries, file bytes
 *                         ({@code --max-per-address} and the options after it)
 * @param plain            clear text instead of TLS ({@code --plain})
 */
public record ServerConfig(String host, int port, int backlog, String name, String motd, String password,
        int maxClients, int sendQueueBytes, Duration handshakeTimeout, Duration idleTimeout, int rateLimit,
        int rateBurst, int maxErrors, Duration drainTimeout, ThreadKind threads, boolean discovery, int discoveryPort,
        Duration acceptPause, HistoryConfig history, long maxFileBytes, Duration coalesce, HostLimits hosts,
        boolean plain) {

    /** The smallest send queue: one frame of the largest size, header included. */
    public static final int MIN_SEND_QUEUE_BYTES = FrameWriter.HEADER_BYTES + FieldRules.DEFAULT_MAX_FRAME_BYTES;
    /** The longest {@code --coalesce}. */
    public static final Duration MAX_COALESCE = Duration.ofMillis(100);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(threads, "threads");
        require(!host.isBlank(), "--host is empty");
        require(port >= 0 && port <= 65_535, "--port must be 0..65535, got " + port);
        require(backlog >= 1, "--backlog must be at least 1, got " + backlog);
        require(!name.isBlank() && name.length() <= 64, "--name must be 1..64 characters, got \"" + name + "\"");
        require(motd == null || FieldRules.textProblem(motd) == null, "--motd: " + FieldRules.textProblem(motd));
        require(password == null || !password.isEmpty(), "--password is empty; leave it out for no password");
        require(maxClients >= 1, "--max-clients must be at least 1, got " + maxClients);
        require(sendQueueBytes >= MIN_SEND_QUEUE_BYTES, "--send-queue-bytes must be at least "
                + MIN_SEND_QUEUE_BYTES + " (one largest frame), got " + sendQueueBytes);
        require(handshakeTimeout.isPositive(), "--handshake-timeout must be more than 0 seconds");
        require(!idleTimeout.isNegative(), "--idle-timeout must not be negative");
        require(rateLimit >= 0, "--rate-limit must not be negative, got " + rateLimit);
        require(rateBurst >= 1, "--rate-burst must be at least 1, got " + rateBurst);
        require(maxErrors >= 1, "--max-errors must be at least 1, got " + maxErrors);
        require(drainTimeout.isPositive(), "--drain-timeout must be more than 0 seconds");
        require(discoveryPort >= -1 && discoveryPort <= 65_535,
                "--discovery-port must be 0..65535, got " + discoveryPort);
        Objects.requireNonNull(acceptPause, "acceptPause");
        Objects.requireNonNull(history, "history");
        require(maxFileBytes >= 0, "--max-file-bytes must not be negative, got " + maxFileBytes);
        Objects.requireNonNull(coalesce, "coalesce");
        Objects.requireNonNull(hosts, "hosts");
        require(coalesce.compareTo(MAX_COALESCE) <= 0, "--coalesce must be 0.1 seconds or less (a longer wait "
                + "makes chat feel slow), got " + coalesce.toNanos() / 1e9);
    }

    /**
     * The defaults with the given command-line options applied, e.g. {@code fromOptions("--port", "0")}.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value, with a one-sentence message
     */
    public static ServerConfig fromOptions(String... options) {
        try {
            return Options.parse(options).config();
        } catch (picocli.CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
