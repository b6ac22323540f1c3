package lanchat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which messages were seen already, per room and seq, and what a resume asks for. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
public class SeenMessagesTest {
    private static final SeenMessages.Judgement NEW = new SeenMessages.Judgement(false, null);
    private static final SeenMessages.Judgement SEEN = new SeenMessages.Judgement(true, null);

    private final SeenMessages seen = new SeenMessages();

    private static Event.Message message(String room, long seq, String ts) {
        return new Event.Message(room, "alice", "m" + seq, false, seq, ts, false);
    }

    @Test
    void aMessageComingAgainIsADuplicateInAnySpellingOfItsRoom() {
        assertEquals(NEW, seen.judge(message("lobby", 1, "2026-01-01T10:00:00Z")));
        assertEquals(NEW, seen.judge(message("lobby", 2, "2026-01-01T10:00:01Z")));
        assertEquals(SEEN, seen.judge(message("LOBBY", 1, "2026-01-01T10:00:00Z")));
        assertEquals(SEEN, seen.judge(message("lobby", 2, "2026-01-01T10:00:01Z")));
        assertEquals(NEW, seen.judge(message("dev", 1, "2026-01-01T10:00:00Z")));
    }

    @Test
    void skippedSeqsAreReportedAsMissedOnce() {
        seen.judge(message("lobby", 3, "2026-01-01T10:00:00Z"));
        assertEquals(new SeenMessages.Judgement(false, new Event.Gap("lobby", 4L, 9L)),
                seen.judge(message("lobby", 10, "2026-01-01T10:05:00Z")));
        assertEquals(NEW, seen.judge(message("lobby", 11, "2026-01-01T10:06:00Z")));
    }

    @Test
    void aGapFromTheServerMovesThePlaceSoItIsNotReportedTwice() {
        seen.judge(message("lobby", 2, "2026-01-01T10:00:00Z"));
        seen.skip(new Event.Gap("lobby", 3L, 7L));
        assertEquals(NEW, seen.judge(message("lobby", 8, "2026-01-01T10:05:00Z")));
        seen.skip(new Event.Gap("dev", 1L, 4L));
        assertEquals(Map.of("dev", 4L), seen.lastSeqs(List.of("dev")));
    }

    @Test
    void aLowerSeqWithALaterTimeIsAServerThatStartedCountingAgain() {
        seen.judge(message("lobby", 57, "2026-01-01T10:00:00Z"));
        assertEquals(NEW, seen.judge(message("lobby", 1, "2026-01-01T11:00:00Z")));
        assertEquals(NEW, seen.judge(message("lobby", 2, "2026-01-01T11:00:01Z")));
        assertEquals(SEEN, seen.judge(message("lobby", 1, "2026-01-01T11:00:00Z")));
    }

    @Test
    void lastSeqsNameEveryRoomAskedForInOrder() {
        seen.judge(message("Dev", 5, "2026-01-01T10:00:00Z"));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("lobby", 0L);
        expected.put("dev", 5L);
        assertEquals(expected, seen.lastSeqs(List.of("lobby", "dev")));
        assertEquals(List.of("lobby", "dev"), List.copyOf(seen.lastSeqs(List.of("lobby", "dev")).keySet()));
    }
}
