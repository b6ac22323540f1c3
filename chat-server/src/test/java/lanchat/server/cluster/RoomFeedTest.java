package lanchat.server.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import lanchat.protocol.Event;
import lanchat.server.store.LogEntry;
import lanchat.server.store.Position;
import lanchat.server.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each node's feed delivers the watched rooms in their one order, and survives Redis going away. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RoomFeedTest {
    private static final String TS = "2026-11-24T10:15:30.123Z";
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable each : opened.reversed()) {
            each.close();
        }
    }

    /** What one node's feed handed over, room by room, in order. */
    private static final class Seen implements RoomFeed.Listener {
        final List<String> rooms = new CopyOnWriteArrayList<>();
        final List<LogEntry> entries = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(String room, LogEntry entry) {
            rooms.add(room);
            entries.add(entry);
        }

        List<Long> messageSeqs() {
            return entries.stream().filter(e -> e.event() instanceof Event.Message)
                    .map(e -> e.position().seq()).toList();
        }
    }

    @Test
    void everyNodeSeesConcurrentAppendsInOneOrder() throws Exception {
        RedisProcess redis = open(RedisProcess.start());
        TestNode a = open(TestNode.start(redis, "a"));
        TestNode b = open(TestNode.start(redis, "b"));
        Seen seenByA = feed(a);
        Seen seenByB = feed(b);
        Thread writerA = Thread.ofPlatform().start(() -> say(new RedisRoomLog(a.link, "lobby", 100), "a", 100));
        Thread writerB = Thread.ofPlatform().start(() -> say(new RedisRoomLog(b.link, "lobby", 100), "b", 100));
        writerA.join();
        writerB.join();
        new RedisRoomLog(a.link, "lobby", 100).appendNotice(new Event.Joined("lobby", "carol"));
        await().atMost(Duration.ofSeconds(10)).until(() -> seenByA.entries.size() == 201 && seenByB.entries.size() == 201);
        assertEquals(seenByA.entries, seenByB.entries);
        assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(), seenByA.messageSeqs());
        assertEquals(new LogEntry(new Position(200, 1), new Event.Joined("lobby", "carol")), seenByA.entries.getLast());
    }

    @Test
    void watchStartsAfterTheGivenPositionAndUnwatchStops() throws Exception {
        RedisProcess redis = open(RedisProcess.start());
        TestNode a = open(TestNode.start(redis, "a"));
        RedisRoomLog lobby = new RedisRoomLog(a.link, "lobby", 100);
        RedisRoomLog dev = new RedisRoomLog(a.link, "dev", 100);
        say(lobby, "x", 3);
        Seen seen = new Seen();
        RoomFeed feed = open(new RoomFeed(a.link, a.id(), seen, Duration.ofSeconds(1)));
        feed.start();
        feed.watch("lobby", new Position(2, 0)); // the caller has shown seqs 1 and 2 already
        feed.watch("dev", Position.START);
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.entries.size() == 1);
        lobby.append("x", "4", false, TS);
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.entries.size() == 2);
        assertEquals(List.of(3L, 4L), seen.messageSeqs());
        feed.unwatch("lobby");
        lobby.append("x", "5", false, TS);
        dev.append("y", "after the unwatch", false, TS);
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.entries.size() == 3);
        assertEquals(List.of("lobby", "lobby", "dev"), seen.rooms);
    }

    @Test
    void redisKilledAndRestartedUnderAppendsLosesNothingAcknowledged() throws Exception {
        RedisProcess redis = open(RedisProcess.startPersistent());
        TestNode a = open(TestNode.start(redis, "a"));
        TestNode b = open(TestNode.start(redis, "b"));
        Seen seenByB = feed(b);
        RedisRoomLog log = new RedisRoomLog(a.link, "lobby", 1_000);
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        List<StoreUnavailableException> refused = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().name("writer").start(() -> {
            for (int i = 0; writing.get(); i++) {
                try {
                    acknowledged.add(log.append("alice", "line " + i, false, TS));
                } catch (StoreUnavailableException e) {
                    refused.add(e);
                }
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() >= 50);
            redis.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> refused.size() >= 3);
            long start = System.nanoTime();
            StoreUnavailableException down = assertThrows(StoreUnavailableException.class,
                    () -> log.append("alice", "while down", false, TS));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "append failed fast");
            assertTrue(down.getMessage().startsWith("append to lobby: Redis at " + redis.uri()),
                    down.getMessage());
            int before = acknowledged.size();
            redis.restart();
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() >= before + 50);
        } finally {
            writing.set(false);
            writer.join();
        }
        long last = log.lastSeq();
        await().atMost(Duration.ofSeconds(10)).until(() -> seenByB.messageSeqs().size() == last);
        // Every seq once, in order; every acknowledged one among them. (An append cut off by the kill may or may
        // not have been written: if it was, it is delivered like any other.)
        assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), seenByB.messageSeqs());
        assertTrue(seenByB.messageSeqs().containsAll(acknowledged));
        assertEquals(acknowledged.stream().distinct().count(), acknowledged.size());
    }

    private Seen feed(TestNode node) {
        Seen seen = new Seen();
        RoomFeed feed = open(new RoomFeed(node.link, node.id(), seen, Duration.ofSeconds(1)));
        feed.start();
        feed.watch("lobby", Position.START);
        return seen;
    }

    private static void say(RedisRoomLog log, String nick, int count) {
        for (int i = 1; i <= count; i++) {
            log.append(nick, nick + " " + i, false, TS);
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }
}
