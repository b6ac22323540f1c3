package lanchat.server;

import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;

/**
 * Turns server events into ready-to-send frames (length header and JSON body in one array), so a broadcast is
 * encoded once and the same bytes are offered to every recipient. Thread-safe; every method is static.
 *
 * <p>Every event the server makes fits in {@code maxFrameBytes}, except a list that grew too long ({@code users}
 * of a huge room, {@code rooms} of a server with thousands of rooms): those are cut to what fits, with a warning.
 */
final class Frames {
    static final int MAX_FRAME_BYTES = FieldRules.DEFAULT_MAX_FRAME_BYTES;
    private static final Logger LOG = Logger.getLogger(Frames.class.getName());
    // Room for the fields around a list when estimating how much of it fits.
    private static final int ENVELOPE_BYTES = 256;

    private Frames() {
    }

    /** One event as a frame; {@code ref} (null for none) goes only into frames for the client that caused it. */
    static byte[] encode(Event event, String ref) {
        return FrameWriter.frame(MessageCodec.encode(event, ref), MAX_FRAME_BYTES);
    }

    /** {@code users} for a room; the nicks must already be sorted. */
    static byte[] users(String room, List<String> nicks, String ref) {
        return fitting(nicks, kept -> new Event.Users(room, kept), ref);
    }

    /** {@code rooms}; the list must already be sorted. */
    static byte[] rooms(List<Event.RoomInfo> rooms, String ref) {
        return fitting(rooms, Event.Rooms::new, ref);
    }

    private static <T> byte[] fitting(List<T> items, Function<List<T>, Event> toEvent, String ref) {
        List<T> kept = items;
        byte[] body = MessageCodec.encode(toEvent.apply(kept), ref);
        while (body.length > MAX_FRAME_BYTES) {
            long estimate = (long) kept.size() * (MAX_FRAME_BYTES - ENVELOPE_BYTES) / body.length;
            kept = kept.subList(0, (int) Math.min(estimate, kept.size() - 1));
            body = MessageCodec.encode(toEvent.apply(kept), ref);
        }
        if (kept.size() < items.size()) {
            LOG.warning("list cut to " + kept.size() + " of " + items.size() + " entries to fit maxFrameBytes "
                    + MAX_FRAME_BYTES);
        }
        return FrameWriter.frame(body, MAX_FRAME_BYTES);
    }
}
