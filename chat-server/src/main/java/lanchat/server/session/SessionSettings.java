package lanchat.server.session;

import java.time.Duration;
import lanchat.server.runtime.ThreadKind;

/**
 * What the session layer is told by the server's configuration: what {@code welcome} says, the password, the
 * deadlines and the per-client limits. Made once by the server from its {@code ServerConfig}; immutable.
 *
 * @param serverName       sent in {@code welcome} ({@code --name})
 * @param motd             message of the day for {@code welcome}, or null ({@code --motd})
 * @param password         the password {@code hello} must carry, or null for none ({@code --password})
 * @param handshakeTimeout time from accept to a successful {@code hello}
 * @param idleTimeout      silence before a {@code ping}, and again before {@code timeout}; 0 = never
 * @param drainTimeout     time a closing connection's queue gets to drain
 * @param rateLimit        frames a second per client, 0 = no limit
 * @param rateBurst        frames a client may send at once
 * @param maxErrors        errors a client may cause within a minute
 * @param sendQueueBytes   bytes a client may have waiting to be sent
 * @param resumeGrace      how long a lost connection's session is held for a resume; 0 = never
 * @param heldWhispers     whispers kept for one held session ({@code --history})
 * @param heldWhisperBytes bytes of whispers kept for one held session
 * @param threads          virtual or platform threads per connection
 */
public record SessionSettings(String serverName, String motd, String password, Duration handshakeTimeout,
        Duration idleTimeout, Duration drainTimeout, int rateLimit, int rateBurst, int maxErrors, int sendQueueBytes,
        Duration resumeGrace, int heldWhispers, int heldWhisperBytes, ThreadKind threads) {

    /** Whether lost connections are held for a resume at all. */
    public boolean resumable() {
        return resumeGrace.isPositive();
    }
}
