package lanchat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
public class SessionStateTest {
    private final SessionState state = new SessionState("me");

    private void apply(Event event) {
        state.apply(event, null);
    }

    @Test
    void startsInNoRoom() {
        assertNull(state.currentRoom());
        assertEquals(List.of(), state.rooms());
        assertEquals(List.of(), state.membersOfCurrentRoom());
    }

    @Test
    void ownJoinAddsTheRoomAndMakesItCurrent() {
        apply(new Event.Joined("lobby", "me"));
        assertEquals(List.of("lobby"), state.rooms());
        assertEquals("lobby", state.currentRoom());
        assertTrue(state.isIn("LOBBY"));
    }

    @Test
    void usersNamingMeAddRoomsAResumeBroughtBackButOthersDoNot() {
        apply(new Event.Joined("lobby", "me"));
        apply(new Event.Users("dev", List.of("bob", "ME")));
        apply(new Event.Users("ops", List.of("bob")));
        assertEquals(List.of("lobby", "dev"), state.rooms());
        assertEquals("lobby", state.currentRoom());
    }

    @Test
    void focusMovesAtOnceAndTheJoinConfirmsIt() {
        apply(new Event.Joined("lobby", "me"));
        state.focus("dev");
        assertEquals("dev", state.currentRoom());
        assertFalse(state.isIn("dev"));
        apply(new Event.Joined("dev", "me"));
        assertEquals(List.of("lobby", "dev"), state.rooms());
        assertEquals("dev", state.currentRoom());
    }

    @Test
    void failedJoinMovesTheFocusBack() {
        apply(new Event.Joined("lobby", "me"));
        state.focus("dev");
        state.apply(new Event.Error("room_invalid", "no"), new Command.Join("dev"));
        assertEquals("lobby", state.currentRoom());
    }

    @Test
    void othersJoiningDoesNotChangeTheFocus() {
        apply(new Event.Joined("lobby", "me"));
        apply(new Event.Joined("lobby", "bob"));
        assertEquals("lobby", state.currentRoom());
        assertEquals(List.of("bob", "me"), state.membersOfCurrentRoom());
    }

    @Test
    void leavingTheCurrentRoomFocusesTheRoomJoinedLast() {
        apply(new Event.Joined("lobby", "me"));
        apply(new Event.Joined("dev", "me"));
        apply(new Event.Joined("ops", "me"));
        state.focus("dev");
        apply(new Event.Left("dev", "me", null));
        assertEquals(List.of("lobby", "ops"), state.rooms());
        assertEquals("ops", state.currentRoom());
        apply(new Event.Left("ops", "me", null));
        apply(new Event.Left("lobby", "me", null));
        assertNull(state.currentRoom());
    }

    @Test
    void leavingAnotherRoomKeepsTheFocus() {
        apply(new Event.Joined("lobby", "me"));
        apply(new Event.Joined("dev", "me"));
        apply(new Event.Left("lobby", "me", null));
        assertEquals("dev", state.currentRoom());
    }

    @Test
    void usersReplaceTheMembersAndOthersComeAndGo() {
        apply(new Event.Joined("lobby", "me"));
        apply(new Event.Users("lobby", List.of("alice", "bob", "me")));
        apply(new Event.Joined("lobby", "Carol"));
        apply(new Event.Left("lobby", "bob", "quit"));
        assertEquals(List.of("alice", "Carol", "me"), state.membersOfCurrentRoom());
    }

    @Test
    void renamesFollowOthersAndMe() {
        apply(new Event.Joined("lobby", "me"));
        apply(new Event.Joined("dev", "me"));
        apply(new Event.Users("lobby", List.of("bob", "me")));
        apply(new Event.Users("dev", List.of("bob", "me")));
        apply(new Event.Renamed("bob", "robert"));
        apply(new Event.Renamed("me", "myself"));
        assertEquals("myself", state.nick());
        assertEquals(List.of("myself", "robert"), state.knownNicks());
        assertEquals(List.of("myself", "robert"), state.membersOfCurrentRoom());
    }

    @Test
    void eventsForRoomsTheClientIsNotInAreIgnored() {
        apply(new Event.Users("elsewhere", List.of("x")));
        apply(new Event.Joined("elsewhere", "x"));
        assertEquals(List.of(), state.rooms());
        assertEquals(List.of(), state.knownNicks());
    }
}
