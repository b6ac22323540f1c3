package lanchat.client.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import lanchat.client.files.Transfers;
import lanchat.client.session.SessionState;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the console: the first word completes to a {@code /command}; the argument of
 * {@code /join}, {@code /leave} and {@code /who} to a room the client is in; the nick of {@code /msg} and
 * {@code /send} to anyone seen in the client's rooms; the id of {@code /accept}, {@code /reject} and
 * {@code /cancel} to a file transfer's; any other word to a nick in the current room. JLine keeps the candidates that
 * start with what was typed.
 *
 * <p>Called by JLine on the input thread; reads the {@link SessionState} afresh on every Tab.
 */
public final class ChatCompleter implements Completer {
    private static final Set<String> ROOM_COMMANDS = Set.of("/join", "/leave", "/who");
    private static final Set<String> NICK_COMMANDS = Set.of("/msg", "/send");
    private static final Set<String> TRANSFER_COMMANDS = Set.of("/accept", "/reject", "/cancel");

    private final SessionState state;
    private volatile Supplier<List<String>> transferIds = List::of;

    ChatCompleter(SessionState state) {
        this.state = state;
    }

    /** From now on, ids complete to those of these transfers. */
    void completeTransfersOf(Transfers transfers) {
        transferIds = transfers::ids;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String first = line.words().isEmpty() ? "" : line.words().get(0).toLowerCase(Locale.ROOT);
        if (line.wordIndex() == 0 && line.word().startsWith("/")) {
            CommandParser.COMMANDS.forEach(command -> candidates.add(new Candidate(command)));
        } else if (line.wordIndex() == 1 && ROOM_COMMANDS.contains(first)) {
            state.rooms().forEach(room -> candidates.add(new Candidate(room)));
        } else if (line.wordIndex() == 1 && NICK_COMMANDS.contains(first)) {
            state.knownNicks().forEach(nick -> candidates.add(new Candidate(nick)));
        } else if (line.wordIndex() == 1 && TRANSFER_COMMANDS.contains(first)) {
            transferIds.get().forEach(id -> candidates.add(new Candidate(id)));
        } else {
            state.membersOfCurrentRoom().forEach(nick -> candidates.add(new Candidate(nick)));
        }
    }
}
