package lanchat.server.store;

import lanchat.protocol.Event;

/**
 * One entry of a room's log at its {@link Position}: a {@link Event.Message} (whose {@code seq} is the
 * position's), or a {@link Event.Joined}, {@link Event.Left} or {@link Event.Renamed}, which happen in the room's
 * order too but get no seq of their own.
 */
public record LogEntry(Position position, Event event) {
    public LogEntry {
        if (position == null || event == null) {
            throw new IllegalArgumentException("position and event are required");
        }
        if (event instanceof Event.Message message && message.seq() != position.seq()) {
            throw new IllegalArgumentException("message seq " + message.seq() + " at position " + position);
        }
        if (!(event instanceof Event.Message || isNotice(event))) {
            throw new IllegalArgumentException("not a room log event: " + event.getClass().getSimpleName());
        }
    }

    /** A join, leave or rename: what {@link RoomLog#appendNotice} takes. */
    public static boolean isNotice(Event event) {
        return event instanceof Event.Joined || event instanceof Event.Left || event instanceof Event.Renamed;
    }
}
