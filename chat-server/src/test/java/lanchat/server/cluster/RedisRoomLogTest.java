package lanchat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.LongStream;
import lanchat.protocol.Event;
import lanchat.server.store.Backlog;
import lanchat.server.store.MemoryRoomLog;
import lanchat.server.store.Position;
import lanchat.server.store.RoomLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The room log in Redis: one seq order across nodes, notices in that order, and the history's trimming. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedisRoomLogTest extends TwoNodes {

    @Test
    void twoNodesAppendingAtOnceShareOneGaplessSeqOrder() throws Exception {
        List<RoomLog> logs = List.of(new RedisRoomLog(a.link, "lobby", 1_000), new RedisRoomLog(b.link, "Lobby", 1_000));
        List<Long> given = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                RoomLog log = logs.get(writer % 2);
                String nick = "w" + writer;
                done.add(writers.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 50; i++) {
                        given.add(log.append(nick, nick + " " + i, false, TS));
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }
        assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(), given.stream().sorted().toList());
        List<Event.Message> seenByA = logs.get(0).after(0, 1_000);
        assertEquals(seenByA, logs.get(1).after(0, 1_000));
        assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(), seenByA.stream().map(Event.Message::seq).toList());
        for (int writer = 0; writer < 4; writer++) { // each writer's own lines stay in the order it sent them
            String nick = "w" + writer;
            List<String> own = seenByA.stream().filter(m -> m.from().equals(nick)).map(Event.Message::text).toList();
            assertEquals(LongStream.range(0, 50).mapToObj(i -> nick + " " + i).toList(), own);
        }
    }

    @Test
    void noticesTakePositionsBetweenMessagesAndAreNotReplayed() {
        RedisRoomLog log = new RedisRoomLog(a.link, "lobby", 10);
        assertEquals(new Position(0, 1), log.appendNotice(new Event.Joined("lobby", "alice")));
        assertEquals(1, log.append("alice", "one", false, TS));
        assertEquals(new Position(1, 1), log.appendNotice(new Event.Renamed("alice", "alicia")));
        assertEquals(new Position(1, 2), log.appendNotice(new Event.Left("lobby", "alicia", "quit")));
        assertEquals(2, log.append("bob", "two", true, TS));
        assertEquals(List.of(new Event.Message("lobby", "alice", "one", false, 1L, TS, false),
                new Event.Message("lobby", "bob", "two", true, 2L, TS, false)), log.last(10));
    }

    @Test
    void redisLogTrimsAndReportsGapsLikeTheMemoryLog() {
        checkTrimming((room, history) -> new RedisRoomLog(a.link, room, history));
        checkTrimming(MemoryRoomLog::new);
    }

    @Test
    void streamIsTrimmedToHistoryPlusSlack() {
        RedisRoomLog log = new RedisRoomLog(a.link, "busy", 10, 20);
        int appended = 300;
        for (int i = 1; i <= appended; i++) {
            log.append("alice", "line " + i, false, TS);
        }
        long length = a.link.call("xlen", commands -> commands.xlen(Keys.log("busy")));
        assertTrue(length >= 10 + 20 && length < appended, "stream length " + length);
        assertEquals(appended - 9, log.last(100).getFirst().seq());
    }

    private static void checkTrimming(BiFunction<String, Integer, RoomLog> logOf) {
        RoomLog log = logOf.apply("dev", 5);
        for (int i = 1; i <= 12; i++) {
            log.append("alice", "line " + i, false, TS);
        }
        assertEquals(12, log.lastSeq());
        assertEquals(List.of(8L, 9L, 10L, 11L, 12L), seqs(log.last(10)));
        assertEquals(List.of(11L, 12L), seqs(log.last(2)));
        Backlog behind = log.backlog(3, 100);
        assertTrue(behind.hasGap());
        assertEquals(new Event.Gap("dev", 4L, 7L), behind.gap("dev"));
        assertEquals(List.of(8L, 9L, 10L, 11L, 12L), seqs(behind.messages()));
        Backlog recent = log.backlog(9, 2);
        assertFalse(recent.hasGap());
        assertEquals(List.of(10L, 11L), seqs(recent.messages()));
        Backlog ahead = log.backlog(50, 100);
        assertEquals(12, ahead.seen());
        assertFalse(ahead.hasGap());
        assertEquals(List.of(), ahead.messages());
        RoomLog none = logOf.apply("quiet", 0);
        none.append("alice", "gone", false, TS);
        assertEquals(new Event.Gap("quiet", 1L, 1L), none.backlog(0, 100).gap("quiet"));
    }

    private static List<Long> seqs(List<Event.Message> messages) {
        return messages.stream().map(Event.Message::seq).toList();
    }
}
