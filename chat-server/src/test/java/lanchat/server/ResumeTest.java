package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Held sessions and resume on a live server: what the resumer gets, what the others never see, what ends. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResumeTest {
    private LiveServer live;

    /** The server of every test here; {@link ResumeOverTlsTest} runs them all again over TLS. */
    LiveServer startServer(String... options) throws IOException {
        return LiveServer.start(options);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void cutClientResumesWithEveryMessageOnceInOrderWhileOthersTalkAndNobodySawItLeave() throws Exception {
        live = startServer("--history", "10000", "--rate-limit", "0");
        TestClient bob = live.registerIn("lobby", "bob");
        TestClient alice = live.registerIn("lobby", "alice");
        assertEquals(new Event.Joined("lobby", "alice"), bob.expect(Event.Joined.class));
        AtomicBoolean talking = new AtomicBoolean(true);
        Thread talker = Thread.ofVirtual().start(() -> talkUntilStopped(bob, talking));

        List<Long> seqs = new ArrayList<>();
        while (seqs.size() < 50) {
            seqs.add(alice.expect(Event.Message.class).seq());
        }
        alice.cut();
        TestClient back = live.resume("alice", alice.welcome().token(), Map.of("lobby", seqs.getLast()));
        assertEquals(alice.welcome().token(), back.welcome().token(), "the token stays with the session");
        assertEquals(new Envelope<Event>(new Event.Users("lobby", List.of("alice", "bob")), "r"), back.next());
        List<Event.Message> after = new ArrayList<>();
        while (after.stream().filter(message -> !message.history()).count() < 20) {
            after.add(back.expect(Event.Message.class));
        }
        talking.set(false);
        talker.join();
        bob.send(new Command.Say("lobby", "the end"));
        while (!after.getLast().text().equals("the end")) {
            after.add(back.expect(Event.Message.class));
        }

        after.forEach(message -> seqs.add(message.seq()));
        assertEquals(LongStream.rangeClosed(1, seqs.getLast()).boxed().toList(), seqs,
                "every message once, in order");
        int replayed = (int) after.stream().takeWhile(Event.Message::history).count();
        assertTrue(replayed > 0, "some messages were missed and replayed");
        assertTrue(after.subList(replayed, after.size()).stream().noneMatch(Event.Message::history),
                "the missed messages, then live ones");
        List<Event> bobSaw = bob.sync();
        assertTrue(bobSaw.stream().allMatch(event -> event instanceof Event.Message),
                "bob saw no left: " + bobSaw);
        back.send(new Command.Who("lobby"));
        assertEquals(new Event.Users("lobby", List.of("alice", "bob")), back.expect(Event.Users.class));
    }

    @Test
    void messagesNoLongerKeptAreAnnouncedByAGapBeforeTheRest() throws Exception {
        live = startServer("--history", "3", "--rate-limit", "0");
        TestClient bob = live.registerIn("lobby", "bob");
        TestClient alice = live.registerIn("lobby", "alice");
        alice.join("dev");
        alice.cut();
        for (int i = 1; i <= 10; i++) {
            bob.send(new Command.Say("lobby", "m" + i));
        }
        bob.sync();
        TestClient back = live.resume("Alice", alice.welcome().token(), Map.of("LOBBY", 2L, "dev", 0L));
        assertEquals("alice", back.welcome().nick(), "the session's nick, whatever the hello said");
        assertEquals(new Envelope<Event>(new Event.Users("dev", List.of("alice")), "r"), back.next());
        assertEquals(new Envelope<Event>(new Event.Users("lobby", List.of("alice", "bob")), "r"), back.next());
        assertEquals(new Envelope<Event>(new Event.Gap("lobby", 3L, 7L), "r"), back.next());
        assertEquals(List.of("m8:8:true", "m9:9:true", "m10:10:true"), HistoryTest.describe(back.sync()));
    }

    @Test
    void graceExpiryTellsTheOthersConnectionLostAndFreesTheNick() throws Exception {
        live = startServer("--resume-grace", "0.3");
        TestClient bob = live.registerIn("lobby", "bob");
        TestClient alice = live.registerIn("lobby", "alice");
        assertEquals(new Event.Joined("lobby", "alice"), bob.expect(Event.Joined.class));
        alice.cut();
        assertEquals(new Event.Left("lobby", "alice", "connection lost"), bob.expect(Event.Left.class));

        TestClient late = live.connect();
        late.send(new Command.Hello("alice", 1, null, new Command.Resume(alice.welcome().token(),
                Map.of("lobby", 0L))), "h");
        assertEquals("h", late.expectError(ErrorCode.RESUME_FAILED).ref());
        Event.Welcome fresh = late.expect(Event.Welcome.class);
        assertEquals("alice", fresh.nick());
        assertEquals(false, fresh.resumed());
        assertTrue(!fresh.token().equals(alice.welcome().token()), "a fresh session has a new token");
    }

    @Test
    void heldNickIsTakenForOthersDuringTheGracePeriod() throws Exception {
        live = startServer();
        TestClient alice = live.registerIn("lobby", "alice");
        alice.cut();
        TestClient other = live.connect();
        LiveServer.soon().until(() -> live.server().connectionCount() == 1);
        other.send(new Command.Hello("ALICE"), "h");
        assertEquals("h", other.expectError(ErrorCode.NICK_TAKEN).ref());
        other.send(new Command.Who("lobby"));
        other.expectError(ErrorCode.NOT_REGISTERED);
    }

    @Test
    void quitEndsTheSessionAtOnceAndItCannotBeResumed() throws Exception {
        live = startServer();
        TestClient bob = live.registerIn("lobby", "bob");
        TestClient alice = live.registerIn("lobby", "alice");
        alice.send(new Command.Quit(null));
        assertEquals(new Event.Joined("lobby", "alice"), bob.expect(Event.Joined.class));
        assertEquals(new Event.Left("lobby", "alice", "quit"), bob.expect(Event.Left.class));
        TestClient late = live.connect();
        late.send(new Command.Hello("alice", 1, null, new Command.Resume(alice.welcome().token(), Map.of())));
        late.expectError(ErrorCode.RESUME_FAILED);
        assertEquals(false, late.expect(Event.Welcome.class).resumed());
    }

    @Test
    void whispersToAHeldSessionAreDeliveredAfterTheWelcome() throws Exception {
        live = startServer();
        TestClient bob = live.register("bob");
        TestClient alice = live.register("alice");
        alice.cut();
        LiveServer.soon().until(() -> live.server().connectionCount() == 1);
        bob.send(new Command.Whisper("alice", "psst"), "w");
        Envelope<Event> echo = bob.next();
        Event.Whisper whisper = assertInstanceOf(Event.Whisper.class, echo.message());
        assertEquals("w", echo.ref());
        TestClient back = live.resume("alice", alice.welcome().token(), Map.of());
        assertEquals(new Envelope<Event>(whisper, null), back.next());
        bob.send(new Command.Whisper("alice", "again"));
        assertEquals("again", back.expect(Event.Whisper.class).text());
    }

    @Test
    void resumeTakesOverAConnectionTheServerStillThinksOpen() throws Exception {
        live = startServer();
        TestClient bob = live.registerIn("lobby", "bob");
        TestClient alice = live.registerIn("lobby", "alice");
        bob.send(new Command.Say("lobby", "hi"));
        alice.expect(Event.Message.class);
        TestClient back = live.resume("alice", alice.welcome().token(), Map.of("lobby", 1L));
        assertEquals(new Event.Bye("resumed on another connection"), alice.expect(Event.Bye.class));
        alice.awaitEnd();
        assertEquals(new Event.Users("lobby", List.of("alice", "bob")), back.expect(Event.Users.class));
        assertEquals(List.of(), back.sync());
        assertEquals(List.of(new Event.Joined("lobby", "alice")), bob.sync().stream()
                .filter(event -> !(event instanceof Event.Message)).toList());
    }

    @Test
    void aRoomLeftBeforeTheDropIsReportedAsLeft() throws Exception {
        live = startServer();
        TestClient alice = live.registerIn("lobby", "alice");
        alice.cut();
        TestClient back = live.resume("alice", alice.welcome().token(), Map.of("lobby", 0L, "dev", 0L));
        assertEquals(new Envelope<Event>(new Event.Users("lobby", List.of("alice")), "r"), back.next());
        assertEquals(new Envelope<Event>(new Event.Left("dev", "alice", "left"), "r"), back.next());
        assertEquals(List.of(), back.sync());
    }

    @Test
    void withoutGraceALostConnectionEndsTheSessionAtOnce() throws Exception {
        live = startServer("--resume-grace", "0");
        TestClient bob = live.registerIn("lobby", "bob");
        TestClient alice = live.registerIn("lobby", "alice");
        assertEquals(new Event.Joined("lobby", "alice"), bob.expect(Event.Joined.class));
        alice.cut();
        assertEquals(new Event.Left("lobby", "alice", "connection lost"), bob.expect(Event.Left.class));
        TestClient late = live.connect();
        late.send(new Command.Hello("alice", 1, null, new Command.Resume(alice.welcome().token(), Map.of())));
        assertEquals(new Event.Error("resume_failed", "this server does not resume sessions (--resume-grace 0); "
                + "starting a fresh one"), late.expect(Event.Error.class));
        assertEquals("alice", late.expect(Event.Welcome.class).nick());
    }

    /** Says one line after another, each once the previous one's echo is back, until told to stop. */
    private static void talkUntilStopped(TestClient client, AtomicBoolean talking) {
        try {
            for (int i = 1; talking.get(); i++) {
                client.send(new Command.Say("lobby", "m" + i));
                client.expect(Event.Message.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
