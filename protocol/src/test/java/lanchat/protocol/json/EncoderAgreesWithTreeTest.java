package lanchat.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MessageCodec#encode} writes exactly the bytes of Gson's tree ({@link TreeEncoder}), for every message
 * type, with odd strings in every string field that allows them and in the {@code ref}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EncoderAgreesWithTreeTest {
    private static final String TS = "2026-11-24T10:15:30.123Z";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** Strings that exercise JSON escaping and UTF-8: quotes, backslashes, controls, separators, surrogates. */
    private static final List<String> ODD = List.of(
            "", "plain", "say \"hi\"", "back\\slash", "\\\"", "tab\there", "new\nline", "\r\n", "\b\f",
            "nul\u0000", "\u001f", "del\u007f", "nel\u0085", "nbsp\u00a0", "line\u2028sep", "para\u2029sep",
            "</script><b>&amp;</b>='x'", "é", "漢字 かな", "emoji 😀 🇫🇷", "bom\ufeff", "\uffff",
            "lone \ud800 high", "lone \udc00 low", "ends high\ud83d", "/ and \\/", "{\"type\":\"ping\"}",
            "é".repeat(FieldRules.MAX_TEXT_CODE_POINTS), "😀".repeat(FieldRules.MAX_TEXT_CODE_POINTS));

    @Test
    void everyMessageOfTheCodecTestEncodesAsTheTreeDid() {
        Stream.concat(MessageCodecTest.everyCommand(), MessageCodecTest.everyEvent())
                .forEach(message -> assertSameBytes(message, "r7"));
    }

    @Test
    void oddStringsEncodeAsTheTreeDid() {
        for (String odd : ODD) {
            for (Object message : messagesWith(odd)) {
                assertSameBytes(message, odd);
            }
        }
    }

    @Test
    void everyCharEncodesAsTheTreeDid() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String odd = "a" + (char) c + "b";
            var error = new Event.Error("bad_field", odd);
            assertArrayEquals(TreeEncoder.encode(error, odd), MessageCodec.encode(error, odd), () -> quoted(odd));
        }
    }

    @Test
    void randomStringsEncodeAsTheTreeDid() {
        Random random = new Random(8);
        for (int i = 0; i < 1_000; i++) {
            String odd = randomString(random);
            for (Object message : messagesWith(odd)) {
                assertSameBytes(message, odd);
            }
        }
    }

    @Test
    void typeComesFirstAndRefLast() {
        var message = new Event.Message("lobby", "alice", "hi", false, 1L, TS, false);
        assertEquals("{\"type\":\"message\",\"room\":\"lobby\",\"from\":\"alice\",\"text\":\"hi\",\"action\":false,"
                + "\"seq\":1,\"ts\":\"" + TS + "\",\"history\":false,\"ref\":\"3\"}",
                new String(MessageCodec.encode(message, "3"), StandardCharsets.UTF_8));
    }

    @Test
    void htmlCharactersStayAsTheyAreButLineSeparatorsAreEscaped() {
        var error = new Event.Error("bad_field", "</script>&='\u2028\u2029\u0001");
        assertEquals("{\"type\":\"error\",\"code\":\"bad_field\",\"message\":\"</script>&='\\u2028\\u2029\\u0001\"}",
                new String(MessageCodec.encode(error), StandardCharsets.UTF_8));
    }

    private static void assertSameBytes(Object message, String ref) {
        for (String each : Arrays.asList(null, "1", ref)) {
            byte[] expected = TreeEncoder.encode(message, each);
            byte[] actual = switch (message) {
                case Command command -> MessageCodec.encode(command, each);
                case Event event -> MessageCodec.encode(event, each);
                default -> throw new IllegalArgumentException(message.toString());
            };
            assertArrayEquals(expected, actual, () -> message + " with ref " + each + ": expected "
                    + new String(expected, StandardCharsets.UTF_8) + ", got "
                    + new String(actual, StandardCharsets.UTF_8));
        }
    }

    /** One message of every type, with {@code odd} in each field whose rule allows it. */
    private static List<Object> messagesWith(String odd) {
        String text = FieldRules.textProblem(odd) == null ? odd : "plain";
        String name = FieldRules.fileNameProblem(odd) == null ? odd : "report.pdf";
        Map<String, Long> rooms = new LinkedHashMap<>();
        rooms.put("lobby", 41L);
        rooms.put("Dev-2", Long.MAX_VALUE);
        List<Object> messages = new ArrayList<>(List.of(
                new Command.Hello("alice", 1, odd, new Command.Resume(odd, rooms)),
                new Command.Hello("alice", Integer.MIN_VALUE, null, new Command.Resume(odd, null)),
                new Command.Hello("a"),
                new Command.Nick("alice_2"),
                new Command.Join("lobby"),
                new Command.Leave("dev-ops"),
                new Command.Say("lobby", text, false),
                new Command.Say("lobby", text, true),
                new Command.Whisper("bob", text),
                new Command.Who("lobby"),
                new Command.ListRooms(),
                new Command.Ping(),
                new Command.Pong(),
                new Command.Quit(text),
                new Command.Quit(null),
                new Command.FileOffer("bob", "k3f9q2", name, 0L, SHA),
                new Command.FileAccept("k3f9q2"),
                new Command.FileReject("k3f9q2"),
                new Command.FileChunk("k3f9q2", Long.MAX_VALUE, "dGVzdA=="),
                new Command.FileAck("k3f9q2", 0L),
                new Command.FileDone("k3f9q2"),
                new Command.FileCancel("k3f9q2", text),
                new Command.FileCancel("k3f9q2", null)));
        messages.addAll(List.of(
                new Event.Welcome("alice", odd, 1, odd, 65_536, 4_000, 0, 0, 0L, true, odd),
                new Event.Welcome("alice", odd, 1, odd, Integer.MAX_VALUE, 1, 20, 40, Long.MAX_VALUE, false, null),
                new Event.Joined("lobby", "alice"),
                new Event.Left("lobby", "bob", odd),
                new Event.Left("lobby", "bob", null),
                new Event.Renamed("bob", "robert"),
                new Event.Message("lobby", "alice", text, false, 1L, TS, false),
                new Event.Message("A-b_9", "Zed", text, true, Long.MAX_VALUE, "2026-11-24T10:15:30Z", true),
                new Event.Whisper("alice", "bob", text, TS),
                new Event.Users("lobby", List.of()),
                new Event.Users("lobby", List.of("alice", "Bob", "c-3")),
                new Event.Rooms(List.of()),
                new Event.Rooms(List.of(new Event.RoomInfo("dev", 0), new Event.RoomInfo("lobby", 2))),
                new Event.Error(odd, odd),
                new Event.Gap("lobby", 3L, 40L),
                new Event.Ping(),
                new Event.Pong(),
                new Event.Bye(odd),
                new Event.FileOffer("alice", "bob", "k3f9q2", name, 5L, SHA),
                new Event.FileAccept("bob", "k3f9q2"),
                new Event.FileReject("bob", "k3f9q2"),
                new Event.FileChunk("alice", "k3f9q2", 7L, "dGVzdA=="),
                new Event.FileAck("bob", "k3f9q2", 7L),
                new Event.FileDone("alice", "k3f9q2"),
                new Event.FileCancel("bob", "k3f9q2", text)));
        return messages;
    }

    // Code points that JSON or UTF-8 treat specially, mixed with ordinary ones.
    private static final int[] POOL = IntStream.concat(IntStream.rangeClosed(0, 0xa0),
            IntStream.of('é', '漢', 0x2027, 0x2028, 0x2029, 0x202a, 0xfeff, 0xffff, 0x1f600, 0xd800, 0xdbff,
                    0xdc00, 0xdfff)).toArray();

    private static String quoted(String s) {
        return s.chars().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(POOL[random.nextInt(POOL.length)]);
        }
        return s.toString();
    }
}
