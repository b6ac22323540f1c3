package lanchat.server.cluster;

import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import lanchat.server.store.StoreUnavailableException;

/**
 * This node's proof of life: the key {@code lanchat:node:{node}}, set to expire after {@code ttl} and renewed
 * every third of it by a thread named {@code heartbeat NODE}. The nicks and room memberships a node registered
 * count only while its key exists, so when a node dies (or loses Redis for longer than {@code ttl}) its nicks are
 * free again and its members vanish from {@code who}, without anyone cleaning up after it.
 *
 * <p>{@code close()} stops the beats and deletes the key, so a node that stops cleanly frees its claims at once.
 */
public final class NodeHeartbeat implements AutoCloseable {
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final RedisLink link;
    private final String node;
    private final Duration ttl;
    private final ScheduledExecutorService beats;

    private NodeHeartbeat(RedisLink link, String node, Duration ttl) {
        this.link = link;
        this.node = node;
        this.ttl = ttl;
        this.beats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("heartbeat " + node).daemon().factory());
    }

    /**
     * Beats once now (so this node's claims count from the start; throws
     * {@link StoreUnavailableException} when Redis cannot be reached) and then every {@code ttl / 3}.
     */
    public static NodeHeartbeat start(RedisLink link, String node, Duration ttl) {
        if (ttl.toMillis() < 30) {
            throw new IllegalArgumentException("ttl < 30 ms: " + ttl);
        }
        NodeHeartbeat heartbeat = new NodeHeartbeat(link, node, ttl);
        heartbeat.beat();
        long period = ttl.toMillis() / 3;
        heartbeat.beats.scheduleAtFixedRate(heartbeat::beatQuietly, period, period, TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    /**
     * A node id for this run of a node called {@code name} (e.g. the host name): the name and a random suffix,
     * so a node that restarts at once under the same name does not inherit the claims of its previous run.
     */
    public static String uniqueId(String name) {
        if (!NODE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("node name must be 1-64 of A-Z a-z 0-9 . _ -, got \"" + name + "\"");
        }
        return name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** The ids among {@code nodes} whose heartbeat has not expired (one MGET). */
    static List<Boolean> alive(RedisLink link, List<String> nodes) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        String[] keys = nodes.stream().map(Keys::node).toArray(String[]::new);
        return link.call("check which nodes are alive", redis -> redis.mget(keys)).stream()
                .map(value -> value.hasValue()).toList();
    }

    public String node() {
        return node;
    }

    private void beat() {
        link.call("heartbeat of " + node, redis -> redis.set(Keys.node(node), Long.toString(System.currentTimeMillis()),
                SetArgs.Builder.px(ttl.toMillis())));
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (StoreUnavailableException e) {
            // RedisLink has logged the outage once; the next beat tries again.
        }
    }

    /** Stops beating without a word, as a node that crashed or lost Redis does; its key then expires. */
    void halt() {
        beats.shutdownNow();
    }

    @Override
    public void close() {
        beats.shutdownNow();
        try {
            beats.awaitTermination(2, TimeUnit.SECONDS);
            link.call("end heartbeat of " + node, redis -> redis.del(Keys.node(node)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StoreUnavailableException e) {
            // The key expires by itself.
        }
    }
}
