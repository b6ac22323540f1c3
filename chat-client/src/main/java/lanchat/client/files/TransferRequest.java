package lanchat.client.files;

import java.util.List;
import java.util.function.Function;
import lanchat.protocol.FieldRules;

/**
 * What a file command the user typed asks for: {@code /send}, {@code /accept}, {@code /reject}, {@code /cancel}
 * or {@code /transfers}, or a {@link Mistake} to show instead of sending anything. Parsed by {@link #parse} for the
 * client's command parser; carried out by {@link Transfers#handle}.
 */
public sealed interface TransferRequest {

    /** The command names, for {@code /help} and completion. */
    List<String> COMMANDS = List.of("/send", "/accept", "/reject", "/cancel", "/transfers");

    /** The lines {@code /help} shows for them. */
    List<String> HELP = List.of(
            "/send NICK PATH  offer the file at PATH to NICK (~ is your home folder)",
            "/accept ID [DIR] accept offered file ID; save it in DIR (default: --download-dir)",
            "/reject ID       decline offered file ID",
            "/cancel ID       stop transfer ID, sending or receiving",
            "/transfers       list the file transfers under way");

    /** {@code /send NICK PATH}: offer the file at {@code path} (as typed) to {@code nick}. */
    record Send(String nick, String path) implements TransferRequest {
    }

    /** {@code /accept ID [DIR]}: {@code folder} is as typed, or null for the download folder. */
    record Accept(String id, String folder) implements TransferRequest {
    }

    /** {@code /reject ID}. */
    record Reject(String id) implements TransferRequest {
    }

    /** {@code /cancel ID}. */
    record Cancel(String id) implements TransferRequest {
    }

    /** {@code /transfers}. */
    record ListAll() implements TransferRequest {
    }

    /** The line was a mistake: show this hint and send nothing. */
    record Mistake(String hint) implements TransferRequest {
    }

    /**
     * Parses one of {@link #COMMANDS}: {@code command} is its lower-case name, {@code rest} what follows it.
     * A path or folder is the rest of the line, spaces included.
     */
    static TransferRequest parse(String command, String rest) {
        String[] words = rest.isBlank() ? new String[0] : rest.strip().split("\\s+", 2);
        return switch (command) {
            case "/send" -> words.length == 2 ? send(words[0], words[1]) : usage("/send NICK PATH");
            case "/accept" -> words.length >= 1 ? withId(words[0], id -> new Accept(id,
                    words.length == 2 ? words[1] : null)) : usage("/accept ID [DIR]");
            case "/reject" -> oneId("/reject ID", words, Reject::new);
            case "/cancel" -> oneId("/cancel ID", words, Cancel::new);
            case "/transfers" -> words.length == 0 ? new ListAll() : usage("/transfers");
            default -> throw new IllegalArgumentException("not a file command: " + command);
        };
    }

    private static TransferRequest send(String nick, String path) {
        if (!FieldRules.isValidNick(nick)) {
            return new Mistake("'" + nick + "' is not a valid nick: " + FieldRules.NICK_RULE);
        }
        return new Send(nick, path);
    }

    private static TransferRequest oneId(String usage, String[] words, Function<String, TransferRequest> request) {
        return words.length == 1 ? withId(words[0], request) : usage(usage);
    }

    private static TransferRequest withId(String id, Function<String, TransferRequest> request) {
        return FieldRules.isValidTransferId(id) ? request.apply(id)
                : new Mistake("'" + id + "' is not a transfer id — /transfers lists them");
    }

    private static TransferRequest usage(String usage) {
        return new Mistake("usage: " + usage);
    }
}
