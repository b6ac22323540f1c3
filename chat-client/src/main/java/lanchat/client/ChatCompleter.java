package lanchat.client;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the console: the first word completes to a {@code /command}; the argument of
 * {@code /join}, {@code /leave} and {@code /who} to a room the client is in; the nick of {@code /msg} to anyone
 * seen in the client's rooms; any other word to a nick in the current room. JLine keeps the candidates that
 * start with what was typed.
 *
 * <p>Called by JLine on the input thread; reads the {@link SessionState} afresh on every Tab.
 */
final class ChatCompleter implements Completer {
    private static final Set<String> ROOM_COMMANDS = Set.of("/join", "/leave", "/who");

    private final SessionState state;

    ChatCompleter(SessionState state) {
        this.state = state;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String first = line.words().isEmpty() ? "" : line.words().get(0).toLowerCase(Locale.ROOT);
        if (line.wordIndex() == 0 && line.word().startsWith("/")) {
            CommandParser.COMMANDS.forEach(command -> candidates.add(new Candidate(command)));
        } else if (line.wordIndex() == 1 && ROOM_COMMANDS.contains(first)) {
            state.rooms().forEach(room -> candidates.add(new Candidate(room)));
        } else if (line.wordIndex() == 1 && first.equals("/msg")) {
            state.knownNicks().forEach(nick -> candidates.add(new Candidate(nick)));
        } else {
            state.membersOfCurrentRoom().forEach(nick -> candidates.add(new Candidate(nick)));
        }
    }
}
