package lanchat.server;

import lanchat.server.chat.Rooms;
import lanchat.server.runtime.ThreadKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rooms on a live server: joins, messages and their seq, leaves, the lists. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChatRoomTest {
    private LiveServer live;

    /** The server of every test here; {@link ChatRoomOverTlsTest} runs them all again over TLS. */
    LiveServer startServer(String... options) throws IOException {
        return LiveServer.start(options);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void threeClientsChatInARoom(ThreadKind threads) throws Exception {
        live = startServer("--threads", threads.toString());
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        TestClient carol = live.register("carol");

        alice.send(new Command.Join("lobby"), "j1");
        assertEquals(new Envelope<Event>(new Event.Joined("lobby", "alice"), "j1"), alice.next());
        assertEquals(new Envelope<Event>(new Event.Users("lobby", List.of("alice")), "j1"), alice.next());
        assertEquals(List.of("alice", "bob"), bob.join("lobby").nicks());
        assertEquals(new Event.Joined("lobby", "bob"), alice.expect(Event.Joined.class));
        assertEquals(List.of("alice", "bob", "carol"), carol.join("lobby").nicks());
        assertEquals(new Event.Joined("lobby", "carol"), alice.expect(Event.Joined.class));
        assertEquals(new Event.Joined("lobby", "carol"), bob.expect(Event.Joined.class));

        alice.send(new Command.Say("lobby", "hi all"), "s1");
        Envelope<Event> echo = alice.next();
        assertEquals("s1", echo.ref());
        assertMessage("alice", "hi all", 1, echo.message());
        assertMessage("alice", "hi all", 1, bob.expect(Event.Message.class));
        assertMessage("alice", "hi all", 1, carol.expect(Event.Message.class));

        bob.send(new Command.Say("lobby", "waves", true));
        for (TestClient client : List.of(alice, bob, carol)) {
            Envelope<Event> envelope = client.next();
            assertNull(envelope.ref());
            assertEquals(new Event.Message("lobby", "bob", "waves", true, 2L, ts(envelope.message()), false),
                    envelope.message());
        }
        carol.send(new Command.Say("lobby", "hello"));
        for (TestClient client : List.of(alice, bob, carol)) {
            assertMessage("carol", "hello", 3, client.expect(Event.Message.class));
        }

        carol.send(new Command.Quit("lunch"), "q1");
        assertEquals(new Envelope<Event>(new Event.Bye("quit"), "q1"), carol.next());
        carol.awaitEnd();
        assertEquals(new Event.Left("lobby", "carol", "quit: lunch"), alice.expect(Event.Left.class));
        assertEquals(new Event.Left("lobby", "carol", "quit: lunch"), bob.expect(Event.Left.class));

        bob.send(new Command.Leave("lobby"), "l1");
        assertEquals(new Envelope<Event>(new Event.Left("lobby", "bob", "left"), "l1"), bob.next());
        assertEquals(new Event.Left("lobby", "bob", "left"), alice.expect(Event.Left.class));
        assertEquals(List.of(), alice.sync());
        assertEquals(List.of(), bob.sync());
    }

    @Test
    void seqNeverRestartsWhenTheRoomEmpties() throws Exception {
        live = startServer();
        TestClient alice = live.registerIn("dev", "alice");
        alice.send(new Command.Say("dev", "one"));
        assertMessage("dev", "alice", "one", 1, alice.expect(Event.Message.class));
        alice.send(new Command.Say("dev", "two"));
        assertMessage("dev", "alice", "two", 2, alice.expect(Event.Message.class));
        alice.send(new Command.Leave("dev"));
        assertEquals(new Event.Left("dev", "alice", "left"), alice.expect(Event.Left.class));

        TestClient bob = live.register("bob");
        bob.send(new Command.Join("DEV"));
        assertEquals(new Event.Joined("dev", "bob"), bob.expect(Event.Joined.class));
        assertEquals(new Event.Users("dev", List.of("bob")), bob.expect(Event.Users.class));
        assertEquals(List.of(1L, 2L), List.of(bob.expect(Event.Message.class).seq(),
                bob.expect(Event.Message.class).seq()), "the room's history");
        bob.send(new Command.Say("dev", "three"));
        assertMessage("dev", "bob", "three", 3, bob.expect(Event.Message.class));
    }

    @Test
    void roomNamesKeepTheSpellingOfTheFirstJoin() throws Exception {
        live = startServer();
        TestClient alice = live.registerIn("Dev", "alice");
        TestClient bob = live.register("bob");
        bob.send(new Command.Join("DEV"));
        assertEquals(new Event.Joined("Dev", "bob"), bob.expect(Event.Joined.class));
        assertEquals(new Event.Users("Dev", List.of("alice", "bob")), bob.expect(Event.Users.class));
        assertEquals(new Event.Joined("Dev", "bob"), alice.expect(Event.Joined.class));
    }

    @Test
    void aClientCanBeInManyRoomsWithSeparateSeqs() throws Exception {
        live = startServer();
        TestClient alice = live.registerIn("lobby", "alice");
        alice.join("dev");
        alice.send(new Command.Say("lobby", "in lobby"));
        alice.send(new Command.Say("dev", "in dev"));
        alice.send(new Command.Say("dev", "in dev again"));
        assertMessage("lobby", "alice", "in lobby", 1, alice.expect(Event.Message.class));
        assertMessage("dev", "alice", "in dev", 1, alice.expect(Event.Message.class));
        assertMessage("dev", "alice", "in dev again", 2, alice.expect(Event.Message.class));
    }

    @Test
    void joiningARoomAgainOnlyResendsItsUsers() throws Exception {
        live = startServer();
        TestClient alice = live.registerIn("lobby", "alice");
        TestClient bob = live.registerIn("lobby", "bob");
        assertEquals(new Event.Joined("lobby", "bob"), alice.expect(Event.Joined.class));

        bob.send(new Command.Join("lobby"), "again");
        assertEquals(new Envelope<Event>(new Event.Users("lobby", List.of("alice", "bob")), "again"), bob.next());
        assertEquals(List.of(), alice.sync());
    }

    @Test
    void whoAndRoomsAreSorted() throws Exception {
        live = startServer();
        live.registerIn("lobby", "carol");
        live.registerIn("lobby", "Bob");
        TestClient alice = live.registerIn("lobby", "alice");
        alice.join("zeta");
        alice.join("Alpha");

        alice.send(new Command.Who("LOBBY"), "w");
        assertEquals(new Envelope<Event>(new Event.Users("lobby", List.of("alice", "Bob", "carol")), "w"),
                alice.next());
        alice.send(new Command.Who("nowhere"));
        assertEquals(new Event.Users("nowhere", List.of()), alice.expect(Event.Users.class));
        alice.send(new Command.ListRooms(), "r");
        assertEquals(new Envelope<Event>(new Event.Rooms(List.of(new Event.RoomInfo("Alpha", 1),
                new Event.RoomInfo("lobby", 3), new Event.RoomInfo("zeta", 1))), "r"), alice.next());
    }

    @Test
    void lobbyExistsBeforeAnyoneJoins() throws Exception {
        live = startServer();
        TestClient alice = live.register("alice");
        alice.send(new Command.ListRooms());
        assertEquals(new Event.Rooms(List.of(new Event.RoomInfo("lobby", 0))), alice.expect(Event.Rooms.class));
    }

    static void assertMessage(String from, String text, long seq, Event actual) {
        assertMessage("lobby", from, text, seq, actual);
    }

    static void assertMessage(String room, String from, String text, long seq, Event actual) {
        assertEquals(new Event.Message(room, from, text, false, seq, ts(actual), false), actual);
    }

    private static String ts(Event message) {
        return assertInstanceOf(Event.Message.class, message).ts();
    }
}
