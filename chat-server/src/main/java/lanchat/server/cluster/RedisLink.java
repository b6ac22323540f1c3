package lanchat.server.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Logger;
import lanchat.server.store.StoreUnavailableException;

/**
 * This node's connection to Redis for ordinary commands: one thread-safe Lettuce connection that every session
 * thread shares (Lettuce pipelines their commands over it). {@link RoomFeed}'s blocking reads get a connection of
 * their own from {@link #connectDedicated}, so they never hold up a command.
 *
 * <p>Failure semantics: when Redis cannot be reached, {@link #call} throws {@link StoreUnavailableException} at
 * once instead of queueing the command. Lettuce's own reconnect is off on purpose: it re-sends the commands that
 * were in flight when the connection broke (at-least-once), which would append a message twice. Instead the next
 * call after a back-off delay opens a new connection, so recovery is automatic and a command is sent at most once.
 * The outage is logged once when it starts and once when it ends. {@code close()} closes the connection and the
 * client's threads; safe to call twice.
 */
public final class RedisLink implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisLink.class.getName());

    private final RedisClient client;
    private final RedisURI uri;
    private final ReentrantLock connecting = new ReentrantLock();
    private final Backoff backoff;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean down;
    private volatile boolean closed;

    private RedisLink(RedisURI uri, Duration timeout, Duration maxBackoff) {
        this.uri = uri;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).tcpNoDelay(true).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.backoff = new Backoff(Duration.ofMillis(50), maxBackoff);
    }

    /**
     * A link to the Redis at {@code uri} (e.g. {@code redis://127.0.0.1:6379}); a command or a connect attempt
     * that takes longer than {@code timeout} fails, and reconnect attempts are at most {@code maxBackoff} apart.
     * Does not connect yet: the first call does.
     */
    public static RedisLink to(String uri, Duration timeout, Duration maxBackoff) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout <= 0: " + timeout);
        }
        RedisURI parsed = RedisURI.create(uri);
        parsed.setTimeout(timeout);
        return new RedisLink(parsed, timeout, maxBackoff);
    }

    /**
     * Runs {@code command} on the shared connection. {@code what} names the operation for the exception's
     * message. Errors Redis answers with (a script bug, a wrong type) are thrown as they are: they are bugs.
     */
    public <T> T call(String what, Function<RedisCommands<String, String>, T> command) {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            current = reconnect(what);
        }
        try {
            return command.apply(current.sync());
        } catch (RedisLoadingException loading) {
            throw unavailable(what, loading); // Redis is up but still reading its append-only file
        } catch (RedisCommandExecutionException answered) {
            throw answered;
        } catch (RedisException lost) {
            dropped(current, lost);
            throw unavailable(what, lost);
        }
    }

    /** A new connection of its own, whose commands time out after {@code timeout}; the caller closes it. */
    StatefulRedisConnection<String, String> connectDedicated(Duration timeout) {
        StatefulRedisConnection<String, String> dedicated = client.connect();
        dedicated.setTimeout(timeout);
        return dedicated;
    }

    /** Where this link points, for log lines: {@code redis://host:port}. */
    String address() {
        return "redis://" + uri.getHost() + ":" + uri.getPort();
    }

    private StatefulRedisConnection<String, String> reconnect(String what) {
        if (closed || !connecting.tryLock()) { // another thread is connecting: fail fast, do not queue up
            throw unavailable(what, null);
        }
        try {
            if (connection != null) {
                return connection;
            }
            if (!backoff.due()) {
                throw unavailable(what, null);
            }
            connection = client.connect();
            backoff.succeeded();
            if (down) {
                down = false;
                LOG.info(() -> "Redis at " + address() + " is reachable again");
            }
            return connection;
        } catch (RedisException e) {
            backoff.failed();
            dropped(null, e);
            throw unavailable(what, e);
        } finally {
            connecting.unlock();
        }
    }

    private void dropped(StatefulRedisConnection<String, String> broken, RedisException cause) {
        if (broken != null && connection == broken) {
            connection = null;
            if (broken.isOpen()) {
                broken.closeAsync();
            }
        }
        if (!down && !closed) {
            down = true;
            LOG.warning(() -> "Redis at " + address() + " is unreachable (" + cause.getMessage()
                    + "); refusing what needs it, and reconnecting");
        }
    }

    private StoreUnavailableException unavailable(String what, RuntimeException cause) {
        return new StoreUnavailableException(what + ": Redis at " + address() + " is unreachable", cause);
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, String> current = connection;
        connection = null;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
