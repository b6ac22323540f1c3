package lanchat.server.store;

import java.util.List;
import lanchat.protocol.Event;

/**
 * What a client that has seen a room up to seq {@code seen} is still owed: the kept {@code messages} after it,
 * oldest first, and the seqs in between that are no longer kept. {@code firstKept} is the seq of the first of
 * {@code messages}, or the room's last seq + 1 when none is kept after {@code seen}.
 */
public record Backlog(long seen, long firstKept, List<Event.Message> messages) {
    public Backlog {
        messages = List.copyOf(messages);
    }

    /** True when seqs {@code seen + 1 … firstKept - 1} are gone: the server sends {@code gap} for them. */
    public boolean hasGap() {
        return firstKept > seen + 1;
    }

    /** The {@code gap} event for {@code room}; only when {@link #hasGap()}. */
    public Event.Gap gap(String room) {
        if (!hasGap()) {
            throw new IllegalStateException("no gap after seq " + seen);
        }
        return new Event.Gap(room, seen + 1, firstKept - 1);
    }
}
