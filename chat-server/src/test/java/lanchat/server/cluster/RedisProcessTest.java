package lanchat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Both ways of getting a Redis for the tests work: the installed binary and the one in the embedded-redis jar. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedisProcessTest {

    @Test
    void installedRedisServerAnswers() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "no redis-server installed");
        try (RedisProcess redis = RedisProcess.start()) {
            assertAnswers(redis);
        }
    }

    @Test
    void embeddedRedisServerAnswers() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the embedded binary used is the linux-amd64 one");
        try (RedisProcess redis = RedisProcess.startEmbedded()) {
            assertAnswers(redis);
        }
    }

    private static void assertAnswers(RedisProcess redis) {
        try (RedisLink link = RedisLink.to(redis.uri(), Duration.ofSeconds(1), Duration.ofMillis(200))) {
            assertEquals("PONG", link.call("ping", commands -> commands.ping()));
            // The append script (explicit stream ids, MINID trimming) runs on both versions.
            RedisRoomLog log = new RedisRoomLog(link, "lobby", 10);
            assertEquals(1, log.append("alice", "one", false, "2026-11-24T10:15:30.123Z"));
            assertEquals(2, log.append("alice", "two", false, "2026-11-24T10:15:30.124Z"));
            assertEquals(List.of("one", "two"), log.last(5).stream().map(Event.Message::text).toList());
        }
    }
}
