package lanchat.server.session;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;

/**
 * Turns server events into ready-to-send frames (length header and JSON body in one array), so a broadcast is
 * encoded once and the same bytes are offered to every recipient. Thread-safe; every method is static.
 *
 * <p>Every event the server makes fits in {@code maxFrameBytes}: its texts are bounded by the rules, the
 * {@code ref} it copies by {@link Rules#MAX_REF_CODE_POINTS}, and the error messages quote only an excerpt of
 * what a peer sent. The exception is a list that grew too long ({@code users} of a huge room, {@code rooms} of
 * a server with thousands of rooms): only the entries that fit are encoded, and {@code total} says how many
 * there are.
 */
public final class Frames {
    public static final int MAX_FRAME_BYTES = FieldRules.DEFAULT_MAX_FRAME_BYTES;
    /**
     * The most rooms a {@code rooms} frame can list: each entry, {@code {"name":"a","users":0}} and a comma,
     * takes at least 23 bytes. Only this many rooms need sorting out of all of them.
     */
    public static final int MAX_LISTED_ROOMS = MAX_FRAME_BYTES / 23;

    private Frames() {
    }

    /** One event as a frame; {@code ref} (null for none) goes only into frames for the client that caused it. */
    public static byte[] encode(Event event, String ref) {
        return FrameWriter.frame(MessageCodec.encode(event, ref), MAX_FRAME_BYTES);
    }

    /** {@code users} for a room; the nicks must already be sorted. */
    public static byte[] users(String room, List<String> nicks, String ref) {
        // "alice" and a comma: nicks are ASCII without escapes, so one char is one byte.
        return fitting(nicks, nicks.size(), nick -> nick.length() + 3,
                (kept, total) -> new Event.Users(room, kept, total), ref);
    }

    /**
     * {@code rooms}: the first of {@code total} rooms, sorted by name. {@code rooms} need hold no more than
     * {@link #MAX_LISTED_ROOMS}.
     */
    public static byte[] rooms(List<Event.RoomInfo> rooms, int total, String ref) {
        // {"name":"dev","users":12} and a comma, with the same ASCII-only reasoning as for nicks.
        return fitting(rooms, total, room -> room.name().length() + 21 + digits(room.users()), Event.Rooms::new,
                ref);
    }

    /**
     * The event listing the longest prefix of {@code items} that fits in a frame, with {@code total} when that
     * is not all of them. The size of each entry is worked out from its fields ({@code entryBytes}, an upper
     * bound that includes a separating comma), so only the event that is sent is ever encoded.
     */
    private static <T> byte[] fitting(List<T> items, int total, ToIntFunction<T> entryBytes,
            BiFunction<List<T>, Integer, Event> toEvent, String ref) {
        // The empty list with a total is the largest the rest of the event can be.
        int room = MAX_FRAME_BYTES - MessageCodec.encode(toEvent.apply(List.of(), Math.max(total, 1)), ref).length;
        int kept = 0;
        for (T item : items) {
            room -= entryBytes.applyAsInt(item);
            if (room < 0) {
                break;
            }
            kept++;
        }
        boolean whole = kept == items.size() && kept == total;
        return encode(toEvent.apply(whole ? items : items.subList(0, kept), whole ? null : total), ref);
    }

    private static int digits(int value) {
        return Integer.toString(value).length();
    }
}
