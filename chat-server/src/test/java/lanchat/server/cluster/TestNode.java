package lanchat.server.cluster;

import java.time.Duration;

/**
 * One LanChat node as the cluster tests play it: its own {@link RedisLink} (so its own connections) and its
 * {@link NodeHeartbeat}. Two of these in one JVM behave as two servers sharing one Redis.
 */
final class TestNode implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    final RedisLink link;
    final NodeHeartbeat heartbeat;

    private TestNode(RedisLink link, NodeHeartbeat heartbeat) {
        this.link = link;
        this.heartbeat = heartbeat;
    }

    /** A node called {@code name} whose heartbeat expires {@code ttl} after its last beat. */
    static TestNode start(RedisProcess redis, String name, Duration ttl) {
        RedisLink link = RedisLink.to(redis.uri(), TIMEOUT, Duration.ofMillis(200));
        return new TestNode(link, NodeHeartbeat.start(link, NodeHeartbeat.uniqueId(name), ttl));
    }

    static TestNode start(RedisProcess redis, String name) {
        return start(redis, name, Duration.ofSeconds(5));
    }

    String id() {
        return heartbeat.node();
    }

    @Override
    public void close() {
        heartbeat.close();
        link.close();
    }
}
