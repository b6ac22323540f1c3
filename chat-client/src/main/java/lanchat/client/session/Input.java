package lanchat.client.session;

import lanchat.client.files.TransferRequest;
import lanchat.protocol.Command;

/**
 * What one line the user typed asks for, as decided by {@link CommandParser}: a command to send, something to
 * do locally, or a hint when the line was a mistake (in which case nothing is sent).
 */
public sealed interface Input {

    /** Send this command to the server. */
    record Send(Command command) implements Input {
    }

    /** Make {@code room}, which the client is already in, the current room; nothing is sent. */
    record SwitchRoom(String room) implements Input {
    }

    /** A file-transfer command ({@code /send}, {@code /accept}, …) for {@link lanchat.client.files.Transfers}. */
    record File(TransferRequest request) implements Input {
    }

    /** Show the list of commands. */
    record Help() implements Input {
    }

    /** The line was a mistake: show this one-line hint and send nothing. */
    record Hint(String text) implements Input {
    }

    /** Leave the chat: send {@code quit} with this reason (null for none) and exit. */
    record Quit(String reason) implements Input {
    }

    /** An empty line: do nothing. */
    record Nothing() implements Input {
    }
}
