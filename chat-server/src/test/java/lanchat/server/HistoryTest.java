package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** History on join, on a live server: what a joiner is shown, in which order, and that it is never cut for it. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HistoryTest {
    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void joinerGetsTheHistoryFlaggedInSeqOrderAfterUsersAndBeforeLiveMessages() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.registerIn("lobby", "alice");
        for (String text : List.of("one", "two", "three")) {
            alice.send(new Command.Say("lobby", text));
            alice.expect(Event.Message.class);
        }
        TestClient bob = live.register("bob");
        bob.send(new Command.Join("lobby"), "j");
        assertEquals(new Envelope<Event>(new Event.Joined("lobby", "bob"), "j"), bob.next());
        assertEquals(new Envelope<Event>(new Event.Users("lobby", List.of("alice", "bob")), "j"), bob.next());
        List<String> texts = List.of("one", "two", "three");
        for (int i = 0; i < texts.size(); i++) {
            Envelope<Event> replay = bob.next();
            assertEquals(null, replay.ref(), "a replayed message carries no ref");
            Event.Message message = assertInstanceOf(Event.Message.class, replay.message());
            assertEquals(new Event.Message("lobby", "alice", texts.get(i), false, i + 1L, message.ts(), true),
                    message);
        }
        alice.send(new Command.Say("lobby", "four"));
        Event.Message live4 = bob.expect(Event.Message.class);
        assertEquals(new Event.Message("lobby", "alice", "four", false, 4L, live4.ts(), false), live4);
        assertEquals(List.of(new Event.Joined("lobby", "bob"), live4), alice.sync());
    }

    @Test
    void onlyTheLastHistoryMessagesAreKeptAndAJoinAgainReplaysNothing() throws Exception {
        live = LiveServer.start("--history", "2", "--rate-limit", "0");
        TestClient alice = live.registerIn("dev", "alice");
        for (int i = 1; i <= 5; i++) {
            alice.send(new Command.Say("dev", "m" + i));
        }
        // Every message must be in the room before bob joins, or some would reach him live instead.
        for (int i = 1; i <= 5; i++) {
            alice.expect(Event.Message.class);
        }
        TestClient bob = live.register("bob");
        bob.join("dev");
        assertEquals(List.of("m4:4:true", "m5:5:true"), describe(bob.sync()));
        bob.send(new Command.Join("dev"), "again");
        assertEquals(new Envelope<Event>(new Event.Users("dev", List.of("alice", "bob")), "again"), bob.next());
        assertEquals(List.of(), bob.sync());
    }

    @Test
    void noHistoryMeansNothingIsReplayed() throws Exception {
        live = LiveServer.start("--history", "0");
        TestClient alice = live.registerIn("lobby", "alice");
        alice.send(new Command.Say("lobby", "gone"));
        alice.expect(Event.Message.class);
        TestClient bob = live.register("bob");
        bob.join("lobby");
        assertEquals(List.of(), bob.sync());
    }

    @Test
    void joinWhileOthersTalkMeetsTheLiveStreamWithoutGapOrDuplicate() throws Exception {
        int total = 400;
        live = LiveServer.start("--history", "1000", "--rate-limit", "0");
        TestClient alice = live.registerIn("lobby", "alice");
        Thread talker = Thread.ofVirtual().start(() -> sayMany(alice, total));
        TestClient carol = live.register("carol");
        carol.join("lobby");
        List<Event.Message> seen = new ArrayList<>();
        while (seen.isEmpty() || seen.getLast().seq() < total) {
            if (carol.next().message() instanceof Event.Message message) {
                seen.add(message);
            }
        }
        talker.join();
        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(),
                seen.stream().map(Event.Message::seq).toList(), "every seq once, in order");
        int firstLive = (int) seen.stream().takeWhile(Event.Message::history).count();
        assertTrue(seen.subList(firstLive, seen.size()).stream().noneMatch(Event.Message::history),
                "history first, then only live messages");
    }

    @Test
    void historyLargerThanTheSendQueueIsReplayedInFullToAReader() throws Exception {
        live = LiveServer.start("--history", "100", "--rate-limit", "0", "--send-queue-bytes",
                Integer.toString(ServerConfig.MIN_SEND_QUEUE_BYTES));
        TestClient alice = live.registerIn("lobby", "alice");
        String text = "x".repeat(4_000);
        for (int i = 0; i < 100; i++) {
            alice.send(new Command.Say("lobby", text));
            alice.expect(Event.Message.class);
        }
        TestClient bob = live.register("bob");
        bob.join("lobby");
        List<Event> replay = bob.sync();
        assertEquals(100, replay.size(), "about 400 KB of history through a 64 KiB send queue");
        assertTrue(replay.stream().allMatch(event -> event instanceof Event.Message message && message.history()));
    }

    private static void sayMany(TestClient client, int count) {
        try {
            for (int i = 1; i <= count; i++) {
                client.send(new Command.Say("lobby", "m" + i));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "text:seq:history" of each message. */
    static List<String> describe(List<Event> events) {
        return events.stream().map(event -> assertInstanceOf(Event.Message.class, event))
                .map(m -> m.text() + ":" + m.seq() + ":" + m.history()).toList();
    }
}
