package lanchat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.client.net.ConnectionEnd;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
public class EventRendererTest {
    private static final String TS = "2024-05-01T12:34:56Z";
    private static final Clock UTC_CLOCK = Clock.fixed(Instant.parse("2024-05-01T09:05:00Z"), ZoneOffset.UTC);
    private static final String ESC = "\u001b";

    private final EventRenderer plain = new EventRenderer(false, UTC_CLOCK, () -> "me");
    private final EventRenderer coloured = new EventRenderer(true, UTC_CLOCK, () -> "me");

    private static String text(List<AttributedString> lines) {
        return String.join("\n", lines.stream().map(AttributedString::toString).toList());
    }

    private static String ansi(List<AttributedString> lines) {
        return String.join("\n", lines.stream().map(AttributedString::toAnsi).toList());
    }

    private String plain(Event event) {
        return text(plain.render(event, null));
    }

    private static Event.Message message(String from, String text, boolean action) {
        return new Event.Message("lobby", from, text, action, 7L, TS, false);
    }

    @Test
    void messageShowsTimeRoomNickAndText() {
        assertEquals("12:34 #lobby <alice> hi all", plain(message("alice", "hi all", false)));
    }

    @Test
    void messageTimeIsShownInTheClocksZone() {
        EventRenderer inPlusTwo = new EventRenderer(false, UTC_CLOCK.withZone(ZoneOffset.ofHours(2)), () -> "me");
        assertEquals("14:34 #lobby <alice> hi", text(inPlusTwo.render(message("alice", "hi", false), null)));
    }

    @Test
    void eventsWithoutTimestampUseTheClock() {
        assertEquals("09:05 --> bob joined #lobby", plain(new Event.Joined("lobby", "bob")));
    }

    @Test
    void historyIsMarkedInPlainTextAndDimmedInColour() {
        Event.Message earlier = new Event.Message("lobby", "alice", "before you came", false, 3L, TS, true);
        assertEquals("12:34 #lobby (history) <alice> before you came", plain(earlier));
        Event.Message action = new Event.Message("lobby", "alice", "waved", true, 4L, TS, true);
        assertEquals("12:34 #lobby (history) * alice waved", plain(action));
        String ansi = ansi(coloured.render(earlier, null));
        assertTrue(ansi.contains(ESC + "[2m(history)"), ansi);
        assertTrue(ansi.contains(ESC + "[2mbefore you came"), ansi);
    }

    @Test
    void actionIsShownWithAStar() {
        assertEquals("12:34 #lobby * alice waves", plain(message("alice", "waves", true)));
    }

    @Test
    void whispersAreMarkedWithTheirDirection() {
        assertEquals("12:34 [whisper from bob] psst", plain(new Event.Whisper("bob", "me", "psst", TS)));
        assertEquals("12:34 [whisper to bob] psst", plain(new Event.Whisper("me", "bob", "psst", TS)));
    }

    @Test
    void joinsLeavesAndRenamesHaveTheirOwnMarkers() {
        assertEquals("09:05 --> you joined #dev", plain(new Event.Joined("dev", "me")));
        assertEquals("09:05 <-- bob left #lobby (quit: lunch)", plain(new Event.Left("lobby", "bob", "quit: lunch")));
        assertEquals("09:05 <-- you left #lobby", plain(new Event.Left("lobby", "me", null)));
        assertEquals("09:05 <-- bob left #lobby", plain(new Event.Left("lobby", "bob", "left")));
        assertEquals("09:05 --- bob is now known as bobby", plain(new Event.Renamed("bob", "bobby")));
        assertEquals("09:05 --- you are now known as me", plain(new Event.Renamed("me_", "me")));
    }

    @Test
    void usersRoomsAndGapsAreInformation() {
        assertEquals("09:05 --- in #lobby: alice, bob (2)", plain(new Event.Users("lobby", List.of("alice", "bob"))));
        assertEquals("09:05 --- in #lobby: alice, bob (2 of 4000 shown)",
                plain(new Event.Users("lobby", List.of("alice", "bob"), 4000)));
        assertEquals("09:05 --- rooms: #a (1) (1 of 9000 shown)",
                plain(new Event.Rooms(List.of(new Event.RoomInfo("a", 1)), 9000)));
        assertEquals("09:05 --- rooms: #dev (1), #lobby (12)", plain(new Event.Rooms(
                List.of(new Event.RoomInfo("dev", 1), new Event.RoomInfo("lobby", 12)))));
        assertEquals("09:05 --- there are no rooms yet — /join one to create it", plain(new Event.Rooms(List.of())));
        assertEquals("09:05 --- #lobby: messages 5-9 are no longer kept and were missed",
                plain(new Event.Gap("lobby", 5L, 9L)));
    }

    @Test
    void errorsAreReadableSentencesUsingTheCommandTheyAnswer() {
        assertEquals("09:05 !!! nick 'bob' is taken — choose another with /nick",
                text(plain.render(new Event.Error("nick_taken", "nick in use"), new Command.Nick("bob"))));
        assertEquals("09:05 !!! you are not in #dev — /join it first",
                text(plain.render(new Event.Error("not_in_room", "x"), new Command.Say("dev", "hi"))));
        assertEquals("09:05 !!! nobody called 'zed' is online",
                text(plain.render(new Event.Error("no_such_nick", "x"), new Command.Whisper("zed", "hi"))));
        assertEquals("09:05 !!! slow down: you are sending faster than the server allows, and that was dropped",
                plain(new Event.Error("rate_limited", "x")));
        assertEquals("09:05 !!! the server reported an error (new_code): something new",
                plain(new Event.Error("new_code", "something new")));
    }

    @Test
    void welcomeShowsServerNickAndEveryMotdLine() {
        Event.Welcome welcome = new Event.Welcome("me", "LanChat 1.0", 1, "token", 65_536, 4_000, 5, 10, 60_000L,
                false, "Be nice.\nNo spam.");
        assertEquals("09:05 --- connected to LanChat 1.0 as me\n09:05 --- Be nice.\n09:05 --- No spam.",
                plain(welcome));
    }

    @Test
    void pingsPongsAndByesShowNothing() {
        assertEquals(List.of(), plain.render(new Event.Ping(), null));
        assertEquals(List.of(), plain.render(new Event.Pong(), null));
        assertEquals(List.of(), plain.render(new Event.Bye("server shutting down"), null));
    }

    @Test
    void withoutColourThereIsNoEscapeSequence() {
        List<AttributedString> lines = plain.render(message("alice", "hi", false), null);
        assertEquals("12:34 #lobby <alice> hi", ansi(lines));
    }

    @Test
    void withColourTheNickHasItsColourAndTheTimeIsGrey() {
        assertEquals(ESC + "[90m12:34" + ESC + "[0m " + ESC + "[1m#lobby" + ESC + "[0m <" + ESC + "[32malice"
                + ESC + "[0m> hi", ansi(coloured.render(message("alice", "hi", false), null)));
    }

    @Test
    void withColourErrorsAreBoldRed() {
        assertEquals(ESC + "[90m09:05" + ESC + "[0m " + ESC + "[31;1m!!!" + ESC + "[0m " + ESC
                + "[31;1mthe server is full — try again later" + ESC + "[0m",
                ansi(coloured.render(new Event.Error("server_full", "full"), null)));
    }

    @Test
    void withColourWhispersAreBoldMagenta() {
        assertEquals(ESC + "[90m12:34" + ESC + "[0m " + ESC + "[35;1m[whisper from bob]" + ESC + "[0m psst",
                ansi(coloured.render(new Event.Whisper("bob", "me", "psst", TS), null)));
    }

    @Test
    void nickColourIsStableAndIgnoresCase() {
        assertEquals(NickColours.colourOf("alice"), NickColours.colourOf("ALICE"));
        assertEquals(NickColours.colourOf("alice"), NickColours.colourOf("alice"));
        assertEquals(2, NickColours.colourOf("alice"));
        assertEquals(12, NickColours.colourOf("bob"));
    }

    @Test
    void hostileQuitReasonIsNeutralised() {
        String line = plain(new Event.Left("lobby", "eve", "\u001b]0;pwned\u0007\u001b[2J\u009b31m\b\r"));
        assertEquals("09:05 <-- eve left #lobby (^[]0;pwned^G^[[2J\uFFFD31m^H^M)", line);
    }

    @Test
    void hostileStringsInEveryNetworkFieldAreNeutralisedWithColourOn() {
        String hostile = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u0007\b\r";
        List<Event> events = List.of(
                new Event.Left("lobby", "eve", hostile),
                new Event.Error("nick_taken", hostile),
                new Event.Error(hostile, hostile),
                new Event.Welcome("me", hostile, 1, "t", 65_536, 4_000, 5, 10, 60_000L, false, hostile));
        for (Event event : events) {
            for (AttributedString line : coloured.render(event, null)) {
                assertSafe(line.toAnsi());
            }
        }
    }

    /** Once the renderer's own colour sequences are taken out, no control character may be left. */
    private static void assertSafe(String output) {
        String withoutOwnStyles = output.replaceAll(ESC + "\\[[0-9;]*m", "");
        assertFalse(withoutOwnStyles.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F)),
                () -> "control character in " + output);
    }

    @Test
    void closureSentenceNeutralisesTheByeReason() {
        ConnectionEnd closure = new ConnectionEnd(false, "localhost:7777", "shutting down\u001b[2J", null);
        assertEquals("the server at localhost:7777 closed the connection: shutting down^[[2J", ErrorSentences.connectionEnded(closure));
    }

    @Test
    void promptShowsNickAndCurrentRoom() {
        assertEquals("me #lobby> ", plain.prompt("me", "lobby").toString());
        assertEquals("me (no room)> ", plain.prompt("me", null).toString());
        assertEquals("me #lobby [reconnecting…]> ", plain.prompt("me", "lobby", "reconnecting…").toString());
        assertTrue(coloured.prompt("me", "lobby").toAnsi().contains(ESC + "[1m#lobby"));
    }

    @Test
    void noticeIsAnInformationLine() {
        assertEquals("09:05 --- now talking in #dev", plain.notice("now talking in #dev").toString());
    }
}
