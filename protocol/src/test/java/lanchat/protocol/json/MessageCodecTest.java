package lanchat.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.FieldException;
import lanchat.protocol.FieldRules;
import lanchat.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MessageCodecTest {
    private static final String TS = "2026-11-24T10:15:30.123Z";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static Stream<Command> everyCommand() {
        return Stream.of(
                new Command.Hello("alice", 1, "pw", new Command.Resume("tok", Map.of("lobby", 3L))),
                new Command.Hello("bob"),
                new Command.Nick("alice_2"),
                new Command.Join("lobby"),
                new Command.Leave("dev-ops"),
                new Command.Say("lobby", "hello\tworld", false),
                new Command.Say("lobby", "waves", true),
                new Command.Whisper("bob", "psst"),
                new Command.Who("lobby"),
                new Command.ListRooms(),
                new Command.Ping(),
                new Command.Pong(),
                new Command.Quit("gone"),
                new Command.Quit(null),
                new Command.FileOffer("bob", "k3f9q2", "../report 1.pdf", 5_242_880L, SHA),
                new Command.FileAccept("k3f9q2"),
                new Command.FileReject("k3f9q2"),
                new Command.FileChunk("k3f9q2", 0L, "dGVzdA=="),
                new Command.FileAck("k3f9q2", 0L),
                new Command.FileDone("k3f9q2"),
                new Command.FileCancel("k3f9q2", "changed my mind"),
                new Command.FileCancel("k3f9q2", null));
    }

    static Stream<Event> everyEvent() {
        return Stream.of(
                new Event.Welcome("alice", "lanchat", 1, "tok", 65_536, 4_000, 20, 40, 30_000L, false, null),
                new Event.Joined("lobby", "alice"),
                new Event.Left("lobby", "bob", "connection lost"),
                new Event.Renamed("bob", "robert"),
                new Event.Message("lobby", "alice", "hi", false, 1L, TS, false),
                new Event.Message("lobby", "alice", "waves", true, 2L, TS, true),
                new Event.Whisper("alice", "bob", "psst", TS),
                new Event.Users("lobby", List.of("alice", "bob")),
                new Event.Rooms(List.of(new Event.RoomInfo("dev", 0), new Event.RoomInfo("lobby", 2))),
                new Event.Error(ErrorCode.NICK_TAKEN, "nick \"bob\" is taken"),
                new Event.Gap("lobby", 3L, 40L),
                new Event.Ping(),
                new Event.Pong(),
                new Event.Bye("server shutting down"),
                new Event.FileOffer("alice", "bob", "k3f9q2", "report.pdf", 0L, SHA),
                new Event.FileAccept("bob", "k3f9q2"),
                new Event.FileReject("bob", "k3f9q2"),
                new Event.FileChunk("alice", "k3f9q2", 7L, "dGVzdA=="),
                new Event.FileAck("bob", "k3f9q2", 7L),
                new Event.FileDone("alice", "k3f9q2"),
                new Event.FileCancel("bob", "k3f9q2", "left: connection lost"));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void everyCommandRoundTrips(Command command) throws ProtocolException {
        assertEquals(new Envelope<>(command, "r7"), MessageCodec.decodeCommand(MessageCodec.encode(command, "r7")));
        assertEquals(new Envelope<>(command, null), MessageCodec.decodeCommand(MessageCodec.encode(command)));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventRoundTrips(Event event) throws ProtocolException {
        assertEquals(new Envelope<>(event, "r7"), MessageCodec.decodeEvent(MessageCodec.encode(event, "r7")));
    }

    @Test
    void encodesTypeFirstAndOmitsAbsentFields() {
        assertEquals("{\"type\":\"hello\",\"nick\":\"bob\",\"protocol\":1}",
                new String(MessageCodec.encode(new Command.Hello("bob")), StandardCharsets.UTF_8));
        assertEquals("{\"type\":\"join\",\"room\":\"lobby\",\"ref\":\"5\"}",
                new String(MessageCodec.encode(new Command.Join("lobby"), "5"), StandardCharsets.UTF_8));
    }

    @Test
    void cjkAndEmojiSurviveByteForByte() throws ProtocolException {
        String text = "你好，世界 — こんにちは 🌍👩‍👩‍👧 <b>&amp;</b> 'quoted' \"double\"";
        byte[] body = MessageCodec.encode(new Command.Say("lobby", text));
        String json = new String(body, StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"你好，世界 — こんにちは 🌍👩‍👩‍👧 <b>&amp;</b> "
                + "'quoted' \\\"double\\\"\",\"action\":false}", json);

        var decoded = (Command.Say) MessageCodec.decodeCommand(body).message();
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), decoded.text().getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"\\u0007\"}", ErrorCode.TEXT_INVALID),
                Arguments.of("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"\"}", ErrorCode.TEXT_INVALID),
                Arguments.of("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"a\\nb\"}", ErrorCode.TEXT_INVALID),
                Arguments.of("{\"type\":\"say\",\"room\":\"lobby\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"say\",\"room\":null,\"text\":\"x\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"say\",\"room\":[],\"text\":\"x\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"hello\",\"nick\":\"x\",\"protocol\":1.5}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"hello\",\"nick\":\"x\",\"protocol\":1,\"resume\":{}}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"hello\",\"nick\":\"x\",\"protocol\":1,\"resume\":{\"token\":\"t\","
                        + "\"rooms\":{\"a b\":1}}}", ErrorCode.ROOM_INVALID),
                Arguments.of("{\"type\":\"hello\",\"nick\":\"x\",\"protocol\":1,\"resume\":{\"token\":\"t\","
                        + "\"rooms\":{\"ab\":-1}}}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"whisper\",\"to\":\"-x\",\"text\":\"hi\"}", ErrorCode.NICK_INVALID),
                Arguments.of("{\"type\":\"ping\"", ErrorCode.BAD_JSON),
                Arguments.of("{\"type\":\"ping\",}", ErrorCode.BAD_JSON),
                Arguments.of("{\"type\":\"ping\"} // comment", ErrorCode.BAD_JSON),
                Arguments.of("null", ErrorCode.BAD_JSON),
                Arguments.of("[".repeat(10_000), ErrorCode.BAD_JSON),
                Arguments.of("{\"type\":{}}", ErrorCode.MISSING_TYPE),
                Arguments.of("{\"type\":\"file-accept\",\"id\":\"a b\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-accept\",\"id\":\"\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-accept\",\"id\":\"" + "x".repeat(33) + "\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-offer\",\"to\":\"bob\",\"id\":\"a\",\"name\":\"x\",\"size\":-1,"
                        + "\"sha256\":\"" + SHA + "\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-offer\",\"to\":\"bob\",\"id\":\"a\",\"name\":\"x\",\"size\":1,"
                        + "\"sha256\":\"" + SHA.toUpperCase(java.util.Locale.ROOT) + "\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-offer\",\"to\":\"bob\",\"id\":\"a\",\"name\":\"x\",\"size\":1,"
                        + "\"sha256\":\"abc\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-offer\",\"to\":\"bob\",\"id\":\"a\",\"name\":\"a\\u0007b\","
                        + "\"size\":1,\"sha256\":\"" + SHA + "\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-offer\",\"to\":\"bob\",\"id\":\"a\",\"name\":\"  \","
                        + "\"size\":1,\"sha256\":\"" + SHA + "\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-offer\",\"to\":\"-bob\",\"id\":\"a\",\"name\":\"x\","
                        + "\"size\":1,\"sha256\":\"" + SHA + "\"}", ErrorCode.NICK_INVALID),
                Arguments.of("{\"type\":\"file-chunk\",\"id\":\"a\",\"index\":-1,\"data\":\"dGVzdA==\"}",
                        ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-chunk\",\"id\":\"a\",\"index\":0,\"data\":\"\"}", ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-chunk\",\"id\":\"a\",\"index\":0,\"data\":\"dGVzd\"}",
                        ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-chunk\",\"id\":\"a\",\"index\":0,\"data\":\"dGV*dA==\"}",
                        ErrorCode.BAD_FIELD),
                Arguments.of("{\"type\":\"file-cancel\",\"id\":\"a\",\"reason\":\"\"}", ErrorCode.TEXT_INVALID));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodyGetsItsOwnCode(String json, ErrorCode expected) {
        var e = assertThrows(ProtocolException.class,
                () -> MessageCodec.decodeCommand(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, e.code(), e.getMessage());
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        var e = assertThrows(ProtocolException.class,
                () -> MessageCodec.decodeCommand("{\"type\":\"jion\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("unknown message type \"jion\"; known: " + String.join(", ", MessageTypes.COMMANDS.labels()),
                e.getMessage());
        assertEquals("hello", MessageTypes.COMMANDS.labels().get(0), "labels in declaration order");
    }

    /** Adding a message type: this test names the record that has no sample above yet. */
    @Test
    void everyMessageTypeHasASample() {
        assertEquals(MessageTypes.COMMANDS.labels(),
                everyCommand().map(MessageCodec::label).distinct().toList(), "samples in everyCommand()");
        assertEquals(MessageTypes.EVENTS.labels(),
                everyEvent().map(MessageCodec::label).distinct().toList(), "samples in everyEvent()");
    }

    @Test
    void invalidFieldMessageNamesTheRule() {
        var e = assertThrows(ProtocolException.class,
                () -> MessageCodec.decodeCommand("{\"type\":\"nick\",\"nick\":\"9lives\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.NICK_INVALID, e.code());
        assertEquals("nick \"9lives\" is not a valid nick: 1-20 ASCII letters, digits, '_' or '-', starting with "
                + "a letter", e.getMessage());
    }

    @Test
    void errorAfterTheObjectParsedCarriesItsRef() {
        var invalid = assertThrows(ProtocolException.class, () -> MessageCodec.decodeCommand(
                "{\"type\":\"nick\",\"nick\":\"9lives\",\"ref\":\"n1\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("n1", invalid.ref());
        var unknown = assertThrows(ProtocolException.class, () -> MessageCodec.decodeCommand(
                "{\"type\":\"jion\",\"ref\":\"j1\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("j1", unknown.ref());
        var notJson = assertThrows(ProtocolException.class, () -> MessageCodec.decodeCommand(
                "{\"ref\":\"x\"".getBytes(StandardCharsets.UTF_8)));
        assertNull(notJson.ref());
        var refNotString = assertThrows(ProtocolException.class, () -> MessageCodec.decodeCommand(
                "{\"type\":\"ping\",\"ref\":1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.BAD_FIELD, refNotString.code());
        assertNull(refNotString.ref());
    }

    @Test
    void refOfSixtyFourCodePointsIsKept() throws ProtocolException {
        String ref = "\uD83D\uDE00".repeat(FieldRules.MAX_REF_CODE_POINTS);
        String json = "{\"type\":\"ping\",\"ref\":\"" + ref + "\"}";
        assertEquals(ref, MessageCodec.decodeCommand(json.getBytes(StandardCharsets.UTF_8)).ref());
    }

    @Test
    void refOverTheCapIsBadFieldAndTheErrorCarriesNoRef() {
        // A plain say, and one with an escape in its text.
        for (String text : List.of("hi", "h\\u0069")) {
            String json = "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"" + text + "\",\"ref\":\""
                    + "r".repeat(FieldRules.MAX_REF_CODE_POINTS + 1) + "\"}";
            var tooLong = assertThrows(ProtocolException.class,
                    () -> MessageCodec.decodeCommand(json.getBytes(StandardCharsets.UTF_8)));
            assertEquals(ErrorCode.BAD_FIELD, tooLong.code());
            assertEquals("\"ref\" has 65 characters, more than 64; this error carries no ref", tooLong.getMessage());
            assertNull(tooLong.ref());
        }
    }

    @Test
    void anErrorAboutAHugeFieldQuotesOnlyItsStart() {
        String json = "{\"type\":\"" + "x".repeat(60_000) + "\",\"ref\":\"u\"}";
        var unknown = assertThrows(ProtocolException.class,
                () -> MessageCodec.decodeCommand(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.UNKNOWN_TYPE, unknown.code());
        assertEquals("unknown message type \"" + "x".repeat(40) + "\u2026\" (60000 characters); known: "
                + String.join(", ", MessageTypes.COMMANDS.labels()), unknown.getMessage());
        var nick = assertThrows(ProtocolException.class, () -> MessageCodec.decodeCommand(
                ("{\"type\":\"nick\",\"nick\":\"" + "n".repeat(60_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertEquals("nick \"" + "n".repeat(40) + "\u2026\" (60000 characters) is not a valid nick: "
                + FieldRules.NICK_RULE, nick.getMessage());
    }

    @Test
    void textLimitCountsCodePointsNotChars() {
        String emoji4000 = "😀".repeat(4_000);
        assertEquals(emoji4000, new Command.Say("lobby", emoji4000).text());
        var e = assertThrows(FieldException.class, () -> new Command.Say("lobby", emoji4000 + "x"));
        assertEquals(ErrorCode.TEXT_INVALID, e.code());
    }
}
