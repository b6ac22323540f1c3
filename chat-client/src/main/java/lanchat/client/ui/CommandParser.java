package lanchat.client.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import lanchat.client.files.TransferRequest;
import lanchat.client.session.Input;
import lanchat.client.session.SessionState;
import lanchat.protocol.Command;
import lanchat.protocol.FieldRules;

/**
 * Reads one line the user typed and decides what it asks for ({@link Input}). A line starting with {@code /}
 * is a command; {@code //} sends a line that starts with a slash; any other line is said in the current room.
 * Names and texts are checked with the protocol's {@link FieldRules} before anything is sent, so a wrong usage
 * becomes a one-line {@link Input.Hint} instead of a server error.
 *
 * <p>Reads the {@link SessionState} (current room, joined rooms) and changes nothing. Called on the input thread.
 */
public final class CommandParser {
    /** The lines {@code /help} shows. */
    static final List<String> HELP = Stream.of(List.of(
            "/join ROOM       join ROOM, or switch to it when you are already in it",
            "/leave [ROOM]    leave ROOM (default: the current room)",
            "/rooms           list the rooms on the server",
            "/who [ROOM]      list who is in ROOM (default: the current room)",
            "/msg NICK TEXT   whisper TEXT to NICK alone",
            "/me ACTION       say ACTION as an action: * alice waves",
            "/nick NEW        change your nick"), TransferRequest.HELP, List.of(
            "/quit [REASON]   leave the chat (Ctrl-D does too)",
            "/help            show this list",
            "Any other line goes to the current room; start it with // to send a line beginning with /."))
            .flatMap(List::stream).toList();

    /** The command names, for completion. */
    static final List<String> COMMANDS = Stream.concat(
            Stream.of("/help", "/join", "/leave", "/rooms", "/who", "/msg", "/me", "/nick", "/quit"),
            TransferRequest.COMMANDS.stream()).toList();

    private final SessionState state;

    CommandParser(SessionState state) {
        this.state = state;
    }

    Input parse(String line) {
        if (line.isBlank()) {
            return new Input.Nothing();
        }
        if (line.startsWith("//")) {
            return say(line.substring(1));
        }
        if (!line.startsWith("/")) {
            return say(line);
        }
        String[] nameAndRest = line.strip().split("\\s+", 2);
        String name = nameAndRest[0].toLowerCase(Locale.ROOT);
        String rest = nameAndRest.length > 1 ? nameAndRest[1] : "";
        return command(name, rest);
    }

    private Input command(String name, String rest) {
        return switch (name) {
            case "/help" -> new Input.Help();
            case "/join" -> join(words(rest));
            case "/leave" -> inRoom("/leave [ROOM]", words(rest), room -> new Input.Send(new Command.Leave(room)));
            case "/rooms" -> rest.isEmpty() ? new Input.Send(new Command.ListRooms()) : usage("/rooms");
            case "/who" -> inRoom("/who [ROOM]", words(rest), room -> new Input.Send(new Command.Who(room)));
            case "/msg" -> whisper(rest);
            case "/me" -> rest.isEmpty() ? usage("/me ACTION") : sayInCurrentRoom(rest, true);
            case "/nick" -> nick(words(rest));
            case "/quit" -> quit(rest);
            case "/send", "/accept", "/reject", "/cancel", "/transfers" -> file(TransferRequest.parse(name, rest));
            default -> new Input.Hint("unknown command " + name + " — type /help for the list");
        };
    }

    private static Input file(TransferRequest request) {
        return request instanceof TransferRequest.Mistake mistake ? new Input.Hint(mistake.hint())
                : new Input.File(request);
    }

    private Input say(String text) {
        return sayInCurrentRoom(text, false);
    }

    private Input sayInCurrentRoom(String text, boolean action) {
        String room = state.currentRoom();
        if (room == null) {
            return notInAnyRoom();
        }
        String problem = FieldRules.textProblem(text);
        if (problem != null) {
            return notSent(problem);
        }
        return new Input.Send(new Command.Say(room, text, action));
    }

    private Input join(String[] args) {
        if (args.length != 1) {
            return usage("/join ROOM");
        }
        String room = stripHash(args[0]);
        if (!FieldRules.isValidRoom(room)) {
            return invalidRoom(room);
        }
        return state.isIn(room) ? new Input.SwitchRoom(room) : new Input.Send(new Command.Join(room));
    }

    /** /leave and /who: one optional room, the current room by default. */
    private Input inRoom(String usage, String[] args, Function<String, Input> action) {
        if (args.length > 1) {
            return usage(usage);
        }
        String room = args.length == 1 ? stripHash(args[0]) : state.currentRoom();
        if (room == null) {
            return notInAnyRoom();
        }
        return FieldRules.isValidRoom(room) ? action.apply(room) : invalidRoom(room);
    }

    private Input whisper(String rest) {
        String[] nickAndText = rest.split("\\s+", 2);
        if (nickAndText.length < 2 || nickAndText[1].isBlank()) {
            return usage("/msg NICK TEXT");
        }
        if (!FieldRules.isValidNick(nickAndText[0])) {
            return invalidNick(nickAndText[0]);
        }
        String problem = FieldRules.textProblem(nickAndText[1]);
        return problem == null ? new Input.Send(new Command.Whisper(nickAndText[0], nickAndText[1]))
                : notSent(problem);
    }

    private Input nick(String[] args) {
        if (args.length != 1) {
            return usage("/nick NEW");
        }
        return FieldRules.isValidNick(args[0]) ? new Input.Send(new Command.Nick(args[0])) : invalidNick(args[0]);
    }

    private Input quit(String reason) {
        if (reason.isEmpty()) {
            return new Input.Quit(null);
        }
        String problem = FieldRules.textProblem(reason);
        return problem == null ? new Input.Quit(reason) : notSent("the quit reason " + problem.replace("text ", ""));
    }

    private static String[] words(String rest) {
        return rest.isBlank() ? new String[0] : rest.strip().split("\\s+");
    }

    private static String stripHash(String room) {
        return room.startsWith("#") ? room.substring(1) : room;
    }

    private static Input usage(String usage) {
        return new Input.Hint("usage: " + usage);
    }

    private static Input notInAnyRoom() {
        return new Input.Hint("you are not in a room — /join one first");
    }

    private static Input notSent(String problem) {
        return new Input.Hint("not sent: " + problem);
    }

    private static Input invalidRoom(String room) {
        return new Input.Hint("'" + room + "' is not a valid room name: " + FieldRules.ROOM_RULE);
    }

    private static Input invalidNick(String nick) {
        return new Input.Hint("'" + nick + "' is not a valid nick: " + FieldRules.NICK_RULE);
    }
}
