package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.server.history.RoomHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What one client can make the server keep is bounded: rooms, histories, replays, whispers for a held session.
 * Each test runs the server in-process with small limits and checks the structure that counts the bytes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemoryBoundsTest {
    private LiveServer live;

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void roomsLeftEmptyWithoutHistoryAreDropped() throws Exception {
        live = LiveServer.start("--rate-limit", "0");
        TestClient alice = live.register("alice");
        for (int i = 0; i < 50; i++) {
            alice.join("r" + i);
            alice.send(new Command.Leave("r" + i));
            assertEquals(new Event.Left("r" + i, "alice", "left"), alice.expect(Event.Left.class));
        }
        assertEquals(1, live.server().rooms().count(), "only the lobby is left");
        alice.join("r1");
        alice.send(new Command.Say("r1", "kept", false));
        assertEquals(1L, alice.expect(Event.Message.class).seq());
        alice.send(new Command.Quit(null));
        LiveServer.soon().until(() -> live.server().connectionCount() == 0);
        assertEquals(List.of("lobby", "r1"), live.server().rooms().firstByName(10).stream().map(Event.RoomInfo::name)
                .toList(), "a room with history stays, empty");
    }

    @Test
    void historiesTogetherStayWithinTheBudgetOldestForgottenFirst() throws Exception {
        int budget = 40_000;
        live = LiveServer.start("--history-bytes", "" + budget, "--rate-limit", "0");
        TestClient alice = live.register("alice");
        List<String> rooms = List.of("a", "b", "c");
        for (String room : rooms) {
            alice.join(room);
        }
        String text = "x".repeat(1_000);
        for (int i = 0; i < 120; i++) {
            alice.send(new Command.Say(rooms.get(i % 3), text, false));
            alice.expect(Event.Message.class);
            // The eviction runs right after the echo is queued: allow the one message it may not have done yet.
            long used = live.server().rooms().budget().usedBytes();
            assertTrue(used <= budget + 1_200, "history keeps " + used + " bytes, over the budget of " + budget);
        }
        // About 35 messages fit; the last 120 said went to a, b, c in turn, so each room keeps its newest ones.
        LiveServer.soon().until(() -> live.server().rooms().budget().usedBytes() <= budget);
        TestClient bob = live.register("bob");
        bob.join("a");
        List<Event> replay = bob.sync();
        long kept = replay.stream().filter(Event.Message.class::isInstance).count();
        assertTrue(kept >= 8 && kept <= 14, kept + " messages kept in a");
        Event.Message newest = (Event.Message) replay.getLast();
        assertEquals(40L, newest.seq(), "the newest message of a is kept, the oldest are gone");
    }

    @Test
    void aClientThatStopsReadingAndRejoinsIsCutOffNotGrowingTheHeap() throws Exception {
        live = LiveServer.start("--send-queue-bytes", "" + ServerConfig.MIN_SEND_QUEUE_BYTES, "--rate-limit",
                "0");
        TestClient alice = live.registerIn("dev", "alice");
        for (int i = 0; i < 40; i++) {
            alice.send(new Command.Say("dev", "y".repeat(1_000) + i, false));
            alice.expect(Event.Message.class);
        }
        TestClient stalled = live.connectWithoutReading();
        stalled.send(new Command.Hello("stalled"));
        // Each join replays ~40 KiB of history that the client never reads: only the first is free.
        for (int i = 0; i < 20 && !stalled.ended(); i++) {
            stalled.send(new Command.Join("dev"));
            stalled.send(new Command.Leave("dev"));
        }
        LiveServer.soon().until(() -> live.server().connectionCount() == 1);
        assertEquals(List.of("alice"), live.server().rooms().find("dev").orElseThrow().nicks());
    }

    @Test
    void whispersKeptForAHeldSessionAreBoundedInBytes() throws Exception {
        live = LiveServer.start("--held-whisper-bytes", "5000", "--rate-limit", "0");
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        bob.cut();
        LiveServer.soon().until(() -> live.server().connectionCount() == 1);
        String text = "z".repeat(1_000);
        int kept = 0;
        for (int i = 0; i < 10; i++) {
            alice.send(new Command.Whisper("bob", text));
            Event reply = alice.next().message();
            if (reply instanceof Event.Error error) {
                assertEquals(ErrorCode.NO_SUCH_NICK.wire(), error.code());
                break;
            }
            kept++;
        }
        assertEquals(4, kept, "four whispers of about 1,100 bytes fit in 5,000 bytes");
    }

    @Test
    void aKeptMessageCostsItsReplayFrameAndAFixedOverhead() {
        RoomHistory history = new RoomHistory(10);
        String text = "ж".repeat(4_000);
        for (long seq = 1; seq <= 10; seq++) {
            history.add(new Event.Message("lobby", "alice", text, false, seq, "2026-12-03T10:00:00.000Z", false));
        }
        long frames = history.framesAfter(0).stream().mapToLong(frame -> frame.length).sum();
        assertEquals(frames + 10L * RoomHistory.OVERHEAD_BYTES, history.bytes());
        assertTrue(history.bytes() / 10 < 8_200, "one copy in UTF-8 (8,000 bytes of text), not two");
    }
}
