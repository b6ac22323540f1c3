package lanchat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.client.files.FileFolders;
import lanchat.client.files.TransferOutput;
import lanchat.client.files.Transfers;
import lanchat.client.session.SessionState;
import lanchat.protocol.Event;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
public class ChatCompleterTest {
    private final SessionState state = new SessionState("me");
    private final ChatCompleter completer = new ChatCompleter(state);

    @BeforeEach
    void inTwoRooms() {
        state.apply(new Event.Joined("dev", "me"), null);
        state.apply(new Event.Users("dev", List.of("me", "zed")), null);
        state.apply(new Event.Joined("lobby", "me"), null);
        state.apply(new Event.Users("lobby", List.of("alice", "bob", "me")), null);
        state.focus("lobby");
    }

    /** The candidates JLine would get for a Tab at the end of {@code line}. */
    private List<String> candidates(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE),
                candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void firstWordWithSlashCompletesCommands() {
        assertEquals(CommandParser.COMMANDS, candidates("/j"));
    }

    @Test
    void roomCommandsCompleteJoinedRooms() {
        assertEquals(List.of("dev", "lobby"), candidates("/join "));
        assertEquals(List.of("dev", "lobby"), candidates("/who d"));
        assertEquals(List.of("dev", "lobby"), candidates("/leave "));
    }

    @Test
    void msgCompletesEveryKnownNick() {
        assertEquals(List.of("alice", "bob", "me", "zed"), candidates("/msg "));
    }

    @Test
    void sendCompletesEveryKnownNick() {
        assertEquals(List.of("alice", "bob", "me", "zed"), candidates("/send "));
    }

    @Test
    void transferCommandsCompleteTransferIds() {
        assertEquals(List.of(), candidates("/accept "));
        Transfers transfers = new Transfers(null, new QuietOutput(), new FileFolders(Path.of("/h"), Path.of("/d")));
        transfers.onEvent(new Event.FileOffer("alice", "me", "k3f9q2", "a.txt", 1L, "0".repeat(64)));
        transfers.onEvent(new Event.FileOffer("bob", "me", "b7c8d9", "b.txt", 1L, "0".repeat(64)));
        completer.completeTransfersOf(transfers);
        assertEquals(List.of("b7c8d9", "k3f9q2"), candidates("/accept "));
        assertEquals(List.of("b7c8d9", "k3f9q2"), candidates("/reject k"));
        assertEquals(List.of("b7c8d9", "k3f9q2"), candidates("/cancel "));
    }

    @Test
    void otherWordsCompleteNicksOfTheCurrentRoom() {
        assertEquals(List.of("alice", "bob", "me"), candidates("hi a"));
        assertEquals(List.of("alice", "bob", "me"), candidates("b"));
    }

    /** Transfers' output, unused here. */
    private static final class QuietOutput implements TransferOutput {
        @Override
        public void transfer(String text) {
        }

        @Override
        public void notice(String text) {
        }

        @Override
        public void progress(List<String> lines) {
        }

        @Override
        public Duration progressInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public boolean progressInPlace() {
            return true;
        }
    }
}
