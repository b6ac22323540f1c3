package lanchat.server.history;

import java.util.List;
import lanchat.protocol.Event;

/**
 * A room as its file described it at start: its name (spelled as the join that created it), the last {@code seq}
 * it gave out, and its last messages in seq order (at most what {@code --history} keeps).
 */
public record LoadedRoom(String name, long lastSeq, List<Event.Message> messages) {
    public LoadedRoom {
        messages = List.copyOf(messages);
    }
}
