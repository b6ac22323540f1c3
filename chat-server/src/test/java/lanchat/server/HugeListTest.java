package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attack: a server with more rooms than one frame can list, then {@code rooms}. The answer comes, cut to what
 * fits, with the {@code total}. The rooms are made in-process; the asking is on a socket. A room with more
 * members than a {@code users} frame can list needs some 3,000 joins, each answered with the growing list, which
 * takes seconds: {@code FramesTest} covers that cut instead, and {@code who} goes through the same code.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HugeListTest {
    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void roomsOfAServerWithThousandsOfRoomsAreCutAndCarryTheTotal() throws Exception {
        live = LiveServer.start();
        IntStream.range(0, 3_000).forEach(i -> live.server().rooms().getOrCreate(String.format("a%04d", i)));
        TestClient alice = live.registerIn("a0000", "alice");
        alice.send(new Command.ListRooms(), "l");
        Envelope<Event> answer = alice.next();
        assertEquals("l", answer.ref());
        Event.Rooms rooms = assertInstanceOf(Event.Rooms.class, answer.message());
        assertEquals(3_001, rooms.total(), "3000 rooms and the lobby, which sorts after them");
        int listed = rooms.rooms().size();
        assertEquals(IntStream.range(0, listed).mapToObj(i -> String.format("a%04d", i)).toList(),
                rooms.rooms().stream().map(Event.RoomInfo::name).toList());
        assertEquals(1, rooms.rooms().get(0).users());
        assertEquals(List.of(), alice.sync());
    }
}
