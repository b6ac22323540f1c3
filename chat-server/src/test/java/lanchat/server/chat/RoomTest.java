package lanchat.server.chat;

import lanchat.server.session.FakeMember;
import lanchat.server.session.Frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
import lanchat.server.history.Journal;
import lanchat.server.history.LocalRoomLog;
import lanchat.server.history.RoomHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A room with fake members: the frames each member gets, in order, with the ref only where it belongs. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RoomTest {
    private final Room room = new Room("lobby");
    private final FakeMember alice = new FakeMember("alice");
    private final FakeMember bob = new FakeMember("bob");

    @Test
    void joinTellsEveryoneThenGivesTheJoinerTheUsers() throws Exception {
        room.join(alice, null);
        alice.take();
        room.join(bob, "j");
        assertEquals(List.of(new Envelope<Event>(new Event.Joined("lobby", "bob"), null)), alice.take());
        assertEquals(List.of(new Envelope<Event>(new Event.Joined("lobby", "bob"), "j"),
                new Envelope<Event>(new Event.Users("lobby", List.of("alice", "bob")), "j")), bob.take());
    }

    @Test
    void sayNumbersMessagesAndSharesOneEncodingAmongMembers() throws Exception {
        FakeMember carol = new FakeMember("carol");
        for (FakeMember member : List.of(alice, bob, carol)) {
            room.join(member, null);
        }
        alice.take();
        bob.take();
        carol.take();
        room.say(alice, "one", false, "s1");
        room.say(bob, "two", true, null);

        assertSame(bob.rawFrames().getFirst(), carol.rawFrames().getFirst(), "one array for every recipient");
        List<Envelope<Event>> toAlice = alice.take();
        assertEquals("s1", toAlice.get(0).ref());
        assertEquals(List.of(1L, 2L), toAlice.stream().map(e -> ((Event.Message) e.message()).seq()).toList());
        for (FakeMember member : List.of(bob, carol)) {
            List<Envelope<Event>> events = member.take();
            assertEquals(null, events.get(0).ref());
            assertEquals(List.of("alice:one:false", "bob:two:true"), events.stream()
                    .map(e -> (Event.Message) e.message())
                    .map(m -> m.from() + ":" + m.text() + ":" + m.action())
                    .toList());
        }
    }

    @Test
    void leaveTellsTheLeaverTooButADepartureOnlyTheOthers() throws Exception {
        room.join(alice, null);
        room.join(bob, null);
        alice.take();
        bob.take();
        room.leave(bob, "l");
        assertEquals(List.of(new Envelope<Event>(new Event.Left("lobby", "bob", "left"), "l")), bob.take());
        room.drop(alice, "connection lost");
        room.drop(alice, "connection lost");
        assertEquals(List.of(new Envelope<Event>(new Event.Left("lobby", "bob", "left"), null)), alice.take());
        assertEquals(0, room.size());
    }

    @Test
    void renameReachesEachNeighbourOnceAcrossRooms() throws Exception {
        Room dev = new Room("dev");
        FakeMember carol = new FakeMember("carol");
        room.join(alice, null);
        room.join(bob, null);
        dev.join(alice, null);
        dev.join(bob, null);
        dev.join(carol, null);
        alice.take();
        bob.take();
        carol.take();

        Event.Renamed renamed = new Event.Renamed("alice", "alicia");
        Room.rename(alice, List.of(room, dev), () -> alice.nick("alicia"), Frames.encode(renamed, null),
                Frames.encode(renamed, "n"));
        assertEquals(List.of(new Envelope<Event>(renamed, "n")), alice.take());
        assertEquals(List.of(new Envelope<Event>(renamed, null)), bob.take());
        assertEquals(List.of(new Envelope<Event>(renamed, null)), carol.take());
        assertEquals(List.of("alicia", "bob", "carol"), dev.nicks());
    }

    @Test
    void joinerGetsUsersThenTheKeptHistoryFlaggedAndWithoutRef() throws Exception {
        Room small = new Room("dev", new LocalRoomLog(new RoomHistory(2), Journal.none(), 0));
        small.join(alice, null);
        small.say(alice, "one", false, null);
        small.say(alice, "two", false, null);
        small.say(alice, "three", true, null);
        small.join(bob, "j");
        List<Envelope<Event>> toBob = bob.take();
        assertEquals(new Envelope<Event>(new Event.Users("dev", List.of("alice", "bob")), "j"), toBob.get(1));
        assertEquals(List.of("two:2:false:true:null", "three:3:true:true:null"), toBob.subList(2, 4).stream()
                .map(e -> describe(e)).toList());
    }

    @Test
    void sayWhoseEchoCannotBeEncodedTakesNoSeqAndIsNotKept() throws Exception {
        RoomHistory history = new RoomHistory(10);
        Room dev = new Room("dev", new LocalRoomLog(history, Journal.none(), 0));
        dev.join(alice, null);
        dev.join(bob, null);
        alice.take();
        bob.take();
        // Only an unchecked ref can make an echo too large: the protocol caps refs at 64 code points.
        assertThrows(IllegalArgumentException.class, () -> dev.say(alice, "lost?", false, "r".repeat(70_000)));
        assertEquals(0, history.size());
        assertEquals(List.of(), bob.take());
        dev.say(alice, "next", false, null);
        assertEquals(List.of("next:1:false:false:null"), bob.take().stream().map(e -> describe(e)).toList());
    }

    @Test
    void takeOverSwapsTheMemberSilentlyAndReplaysWhatWasMissedAfterAGap() throws Exception {
        Room small = new Room("dev", new LocalRoomLog(new RoomHistory(2), Journal.none(), 0));
        FakeMember aliceBack = new FakeMember("alice");
        small.join(alice, null);
        small.join(bob, null);
        for (int i = 1; i <= 5; i++) {
            small.say(bob, "m" + i, false, null);
        }
        bob.take();
        assertEquals(2, small.takeOver(alice, aliceBack, 1, "r"));
        assertEquals(List.of(), bob.take(), "the others see nothing");
        List<Envelope<Event>> back = aliceBack.take();
        assertEquals(new Envelope<Event>(new Event.Users("dev", List.of("alice", "bob")), "r"), back.get(0));
        assertEquals(new Envelope<Event>(new Event.Gap("dev", 2L, 3L), "r"), back.get(1));
        assertEquals(List.of("m4:4:false:true:null", "m5:5:false:true:null"), back.subList(2, 4).stream()
                .map(e -> describe(e)).toList());
        small.say(bob, "m6", false, null);
        assertEquals(1, aliceBack.take().size());
        alice.take();
        assertEquals(List.of(), alice.take(), "the lost connection gets nothing more");
    }

    @Test
    void takeOverWithNothingMissedSendsOnlyTheUsers() throws Exception {
        room.join(alice, null);
        room.say(alice, "one", false, null);
        FakeMember aliceBack = new FakeMember("alice");
        assertEquals(0, room.takeOver(alice, aliceBack, 1, null));
        assertEquals(List.of(new Envelope<Event>(new Event.Users("lobby", List.of("alice")), null)),
                aliceBack.take());
    }

    /** "text:seq:action:history:ref" of a message. */
    private static String describe(Envelope<Event> envelope) {
        Event.Message m = (Event.Message) envelope.message();
        return m.text() + ":" + m.seq() + ":" + m.action() + ":" + m.history() + ":" + envelope.ref();
    }
}
