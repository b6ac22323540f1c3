package lanchat.server.cluster;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that play two nodes, {@code a} and {@code b}, on one Redis: the Redis is started once per test
 * class, emptied before each test, and each test gets two fresh nodes whose heartbeats expire 300 ms after their
 * last beat.
 */
abstract class TwoNodes {
    static final String TS = "2026-11-24T10:15:30.123Z";
    static RedisProcess redis;
    TestNode a;
    TestNode b;

    @BeforeAll
    static void startRedis() {
        redis = RedisProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startNodes() {
        try (RedisLink link = RedisLink.to(redis.uri(), TestNode.TIMEOUT, TestNode.TIMEOUT)) {
            link.call("empty Redis", commands -> commands.flushall());
        }
        a = TestNode.start(redis, "a", Duration.ofMillis(300));
        b = TestNode.start(redis, "b", Duration.ofMillis(300));
    }

    @AfterEach
    void stopNodes() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }
}
