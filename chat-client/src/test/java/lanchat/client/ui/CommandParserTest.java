package lanchat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import lanchat.client.files.TransferRequest;
import lanchat.client.session.Input;
import lanchat.client.session.SessionState;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
public class CommandParserTest {
    private static final String INVALID_ROOM = " is not a valid room name: 1-32 ASCII letters, digits, '_' or '-'";
    private static final String INVALID_NICK =
            " is not a valid nick: 1-20 ASCII letters, digits, '_' or '-', starting with a letter";

    private final SessionState state = new SessionState("me");
    private final CommandParser parser = new CommandParser(state);

    private void inLobby() {
        state.apply(new Event.Joined("lobby", "me"), null);
    }

    private static Input send(Command command) {
        return new Input.Send(command);
    }

    private static Input hint(String text) {
        return new Input.Hint(text);
    }

    @Test
    void plainLineIsSaidInTheCurrentRoom() {
        inLobby();
        assertEquals(send(new Command.Say("lobby", "hello there")), parser.parse("hello there"));
    }

    @Test
    void plainLineKeepsQuotesBackslashesAndBangs() {
        inLobby();
        assertEquals(send(new Command.Say("lobby", "it's \"C:\\temp\" !! !x")),
                parser.parse("it's \"C:\\temp\" !! !x"));
    }

    @Test
    void plainLineOutsideAnyRoomIsAHint() {
        assertEquals(hint("you are not in a room — /join one first"), parser.parse("hello"));
    }

    @Test
    void doubleSlashSendsALineStartingWithASlash() {
        inLobby();
        assertEquals(send(new Command.Say("lobby", "/etc/hosts is a file")), parser.parse("//etc/hosts is a file"));
    }

    @Test
    void lineStartingWithASpaceIsText() {
        inLobby();
        assertEquals(send(new Command.Say("lobby", " /join dev")), parser.parse(" /join dev"));
    }

    @Test
    void emptyAndBlankLinesDoNothing() {
        inLobby();
        assertEquals(new Input.Nothing(), parser.parse(""));
        assertEquals(new Input.Nothing(), parser.parse("   \t "));
    }

    @Test
    void tooLongTextIsNotSent() {
        inLobby();
        assertEquals(hint("not sent: text has 4001 characters, more than 4000"), parser.parse("x".repeat(4001)));
    }

    @Test
    void pastedControlCharacterIsNotSent() {
        inLobby();
        assertEquals(hint("not sent: text contains control character U+001B"), parser.parse("a\u001b[2Jb"));
    }

    @Test
    void helpShowsHelpWhateverFollowsAndInAnyCase() {
        assertEquals(new Input.Help(), parser.parse("/help"));
        assertEquals(new Input.Help(), parser.parse("/HELP me"));
    }

    @Test
    void unknownCommandIsAHint() {
        assertEquals(hint("unknown command /frobnicate — type /help for the list"), parser.parse("/frobnicate x"));
    }

    @Test
    void joinSendsJoinForANewRoomWithOrWithoutHash() {
        inLobby();
        assertEquals(send(new Command.Join("dev")), parser.parse("/join dev"));
        assertEquals(send(new Command.Join("dev")), parser.parse("/join #dev"));
        assertEquals(send(new Command.Join("dev")), parser.parse("/join   dev  "));
    }

    @Test
    void joinOfAJoinedRoomSwitchesToItWithoutSending() {
        inLobby();
        assertEquals(new Input.SwitchRoom("LOBBY"), parser.parse("/join LOBBY"));
    }

    @Test
    void joinWrongUsages() {
        assertEquals(hint("usage: /join ROOM"), parser.parse("/join"));
        assertEquals(hint("usage: /join ROOM"), parser.parse("/join a b"));
        assertEquals(hint("'bad!'" + INVALID_ROOM), parser.parse("/join bad!"));
        assertEquals(hint("'" + "r".repeat(33) + "'" + INVALID_ROOM), parser.parse("/join " + "r".repeat(33)));
    }

    @Test
    void leaveLeavesTheCurrentRoomOrTheNamedOne() {
        inLobby();
        assertEquals(send(new Command.Leave("lobby")), parser.parse("/leave"));
        assertEquals(send(new Command.Leave("dev")), parser.parse("/leave #dev"));
    }

    @Test
    void leaveWrongUsages() {
        assertEquals(hint("you are not in a room — /join one first"), parser.parse("/leave"));
        assertEquals(hint("usage: /leave [ROOM]"), parser.parse("/leave a b"));
        assertEquals(hint("'a.b'" + INVALID_ROOM), parser.parse("/leave a.b"));
    }

    @Test
    void roomsListsTheRooms() {
        assertEquals(send(new Command.ListRooms()), parser.parse("/rooms"));
        assertEquals(hint("usage: /rooms"), parser.parse("/rooms all"));
    }

    @Test
    void whoAsksForTheCurrentRoomOrTheNamedOne() {
        inLobby();
        assertEquals(send(new Command.Who("lobby")), parser.parse("/who"));
        assertEquals(send(new Command.Who("dev")), parser.parse("/who dev"));
    }

    @Test
    void whoWrongUsages() {
        assertEquals(hint("you are not in a room — /join one first"), parser.parse("/who"));
        assertEquals(hint("usage: /who [ROOM]"), parser.parse("/who a b"));
        assertEquals(hint("'xy!'" + INVALID_ROOM), parser.parse("/who xy!"));
    }

    @Test
    void msgWhispersTheRestOfTheLine() {
        assertEquals(send(new Command.Whisper("bob", "meet me  in #dev")), parser.parse("/msg bob meet me  in #dev"));
    }

    @Test
    void msgWrongUsages() {
        assertEquals(hint("usage: /msg NICK TEXT"), parser.parse("/msg"));
        assertEquals(hint("usage: /msg NICK TEXT"), parser.parse("/msg bob"));
        assertEquals(hint("usage: /msg NICK TEXT"), parser.parse("/msg bob    "));
        assertEquals(hint("'9bob'" + INVALID_NICK), parser.parse("/msg 9bob hi"));
        assertEquals(hint("not sent: text has 4001 characters, more than 4000"),
                parser.parse("/msg bob " + "x".repeat(4001)));
    }

    @Test
    void meSaysAnActionInTheCurrentRoom() {
        inLobby();
        assertEquals(send(new Command.Say("lobby", "waves at everyone", true)), parser.parse("/me waves at everyone"));
    }

    @Test
    void meWrongUsages() {
        assertEquals(hint("usage: /me ACTION"), parser.parse("/me"));
        assertEquals(hint("you are not in a room — /join one first"), parser.parse("/me waves"));
    }

    @Test
    void nickChangesTheNick() {
        assertEquals(send(new Command.Nick("alice_2")), parser.parse("/nick alice_2"));
    }

    @Test
    void nickWrongUsages() {
        assertEquals(hint("usage: /nick NEW"), parser.parse("/nick"));
        assertEquals(hint("usage: /nick NEW"), parser.parse("/nick a b"));
        assertEquals(hint("'_alice'" + INVALID_NICK), parser.parse("/nick _alice"));
        assertEquals(hint("'" + "a".repeat(21) + "'" + INVALID_NICK), parser.parse("/nick " + "a".repeat(21)));
    }

    @Test
    void quitWithAndWithoutReason() {
        assertEquals(new Input.Quit(null), parser.parse("/quit"));
        assertEquals(new Input.Quit("off to lunch"), parser.parse("/quit off to lunch"));
    }

    @Test
    void quitWithTooLongReasonIsAHint() {
        assertEquals(hint("not sent: the quit reason has 4001 characters, more than 4000"),
                parser.parse("/quit " + "x".repeat(4001)));
    }

    @Test
    void fileCommandsBecomeTransferRequests() {
        assertEquals(new Input.File(new TransferRequest.Send("bob", "notes/a b.txt")),
                parser.parse("/send bob notes/a b.txt"));
        assertEquals(new Input.File(new TransferRequest.Accept("k3f9q2", null)), parser.parse("/ACCEPT k3f9q2"));
        assertEquals(new Input.File(new TransferRequest.ListAll()), parser.parse("/transfers"));
        assertEquals(hint("usage: /reject ID"), parser.parse("/reject"));
    }

    @Test
    void helpListsTheFileCommandsBeforeQuit() {
        int send = CommandParser.HELP.indexOf(TransferRequest.HELP.getFirst());
        assertEquals(CommandParser.HELP.indexOf("/nick NEW        change your nick") + 1, send);
        assertEquals("/quit [REASON]   leave the chat (Ctrl-D does too)",
                CommandParser.HELP.get(send + TransferRequest.HELP.size()));
    }
}
