package lanchat.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
import lanchat.protocol.wire.FrameWriter;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.FieldRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lists too long for one frame are cut to the longest prefix that fits, with their total. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FramesTest {
    private static final String LONGEST_REF = "\uD83D\uDE00".repeat(FieldRules.MAX_REF_CODE_POINTS);

    @Test
    void usersThatFitAreSentWholeWithoutTotal() throws Exception {
        Envelope<Event> users = decode(Frames.users("lobby", List.of("alice", "bob"), "w"));
        assertEquals(new Envelope<Event>(new Event.Users("lobby", List.of("alice", "bob")), "w"), users);
    }

    @Test
    void usersOfAHugeRoomAreTheLongestPrefixThatFitsWithTheTotal() throws Exception {
        List<String> nicks = IntStream.range(0, 5_000).mapToObj(i -> String.format("n%019d", i)).toList();
        byte[] frame = Frames.users("lobby", nicks, LONGEST_REF);
        Event.Users users = (Event.Users) decode(frame).message();
        assertEquals(5_000, users.total());
        int kept = users.nicks().size();
        assertEquals(nicks.subList(0, kept), users.nicks());
        assertTrue(frame.length - FrameWriter.HEADER_BYTES <= Frames.MAX_FRAME_BYTES);
        // One more would not have fitted.
        int oneMore = MessageCodec.encode(new Event.Users("lobby", nicks.subList(0, kept + 1), 5_000),
                LONGEST_REF).length;
        assertTrue(oneMore > Frames.MAX_FRAME_BYTES, "kept " + kept + ", one more is " + oneMore + " bytes");
    }

    @Test
    void roomsAreCutTheSameWayAndAnEmptyListIsWhole() throws Exception {
        List<Event.RoomInfo> rooms = IntStream.range(0, Frames.MAX_LISTED_ROOMS)
                .mapToObj(i -> new Event.RoomInfo(String.format("room%028d", i), 1_000_000 + i)).toList();
        Event.Rooms cut = (Event.Rooms) decode(Frames.rooms(rooms, 100_000, "r")).message();
        assertEquals(100_000, cut.total());
        assertEquals(rooms.subList(0, cut.rooms().size()), cut.rooms());
        int oneMore = MessageCodec.encode(new Event.Rooms(rooms.subList(0, cut.rooms().size() + 1), 100_000), "r")
                .length;
        assertTrue(oneMore > Frames.MAX_FRAME_BYTES);
        assertEquals(new Event.Rooms(List.of()), decode(Frames.rooms(List.of(), 0, null)).message());
    }

    @Test
    void roomsListedShortOfTheirTotalCarryItEvenWhenAllFit() throws Exception {
        List<Event.RoomInfo> first = List.of(new Event.RoomInfo("a", 0));
        assertEquals(new Event.Rooms(first, 7), decode(Frames.rooms(first, 7, null)).message());
    }

    private static Envelope<Event> decode(byte[] frame) throws ProtocolException {
        return MessageCodec.decodeEvent(Arrays.copyOfRange(frame, FrameWriter.HEADER_BYTES, frame.length));
    }
}
