package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
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
}
