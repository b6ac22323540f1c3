package lanchat.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MessageCodec#decodeCommand} against {@link TreeDecoder}, Gson's own record adapter on a JSON tree: on
 * every body — valid, odd, or broken — both give equal envelopes, or errors with the same code, message and ref.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DecoderAgreesWithTreeTest {
    private static final String TEXT_100 = "The quick brown fox jumps over the lazy dog; "
            + "0123456789 and again: the quick brown fox jumps over!";

    /** Well-formed commands of every type, with and without ref and optional fields. */
    private static final List<String> BASES = List.of(
            "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\",\"ref\":\"7\"}",
            "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\"}",
            "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"waves\",\"action\":true,\"ref\":\"8\"}",
            "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"waves\",\"action\":false}",
            "{\"type\":\"say\",\"room\":\"dev\",\"text\":\"" + TEXT_100 + "\",\"ref\":\"12345\"}",
            "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"你好 🌍 ça va\",\"ref\":\"u\"}",
            "{\"type\":\"join\",\"room\":\"lobby\",\"ref\":\"j1\"}",
            "{\"type\":\"join\",\"room\":\"lobby\"}",
            "{\"type\":\"leave\",\"room\":\"lobby\"}",
            "{\"type\":\"who\",\"room\":\"lobby\",\"ref\":\"w\"}",
            "{\"type\":\"nick\",\"nick\":\"alice_2\"}",
            "{\"type\":\"whisper\",\"to\":\"bob\",\"text\":\"psst\",\"ref\":\"9\"}",
            "{\"type\":\"rooms\"}",
            "{\"type\":\"rooms\",\"ref\":\"r\"}",
            "{\"type\":\"ping\"}",
            "{\"type\":\"pong\",\"ref\":\"p\"}",
            "{\"type\":\"quit\"}",
            "{\"type\":\"quit\",\"reason\":\"bye all\"}",
            "{\"type\":\"hello\",\"nick\":\"alice\",\"protocol\":1,\"password\":\"pw\",\"ref\":\"1\"}",
            "{\"type\":\"file-accept\",\"id\":\"t1\"}",
            "{\"type\":\"file-cancel\",\"id\":\"t1\",\"reason\":\"no\"}");

    /** Values put in place of each field's value, one at a time. */
    private static final List<String> VALUES = List.of("5", "\"5\"", "1.5", "true", "\"true\"", "false", "null",
            "[]", "{}", "\"\"", "\" \"", "\"a\\u0041\"", "\"\\ud83c\\udf0d\"", "\"\\ud83c\"", "\"x\\ty\"",
            "\"x\\u0001\"", "\"bob\"", "\"lobby\"", "\"say\"", "\"jion\"", "'x'", "x", "NaN", "\"#lobby\"",
            "\"" + "a".repeat(33) + "\"", "\"" + "b".repeat(2001) + "\"");

    @Test
    void agreesWithTheTreeDecoderOnEveryGoldenVector() throws IOException {
        int compared = 0;
        for (var vector : GoldenVectorsTest.load()) {
            byte[] frame = vector.frame();
            if (frame.length >= 4) {
                assertSameDecoding(Arrays.copyOfRange(frame, 4, frame.length));
                compared++;
            }
        }
        assertTrue(compared > 50, "vectors compared: " + compared);
    }

    @Test
    void decodesEveryBaseCommandTheSameWay() throws ProtocolException {
        for (String body : BASES) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertEquals(TreeDecoder.decodeCommand(bytes), MessageCodec.decodeCommand(bytes), body);
        }
    }

    @Test
    void decodesATypicalSay() throws ProtocolException {
        byte[] say = BASES.get(4).getBytes(StandardCharsets.UTF_8);
        Envelope<Command> envelope = MessageCodec.decodeCommand(say);
        assertNotNull(envelope);
        assertEquals(new Envelope<Command>(new Command.Say("dev", TEXT_100, false), "12345"), envelope);
    }

    @Test
    void agreesOnStructuralMutations() {
        for (String base : BASES) {
            structuralMutations(base).forEach(DecoderAgreesWithTreeTest::assertSameDecoding);
        }
    }

    @Test
    void agreesOnEveryTruncationAndByteEdit() {
        byte[] edits = {'"', '{', '}', '[', ',', ':', ' ', '\\', 'x', '0', '\'', '/', 0, (byte) 0x80, (byte) 0xC3,
                (byte) 0xED, (byte) 0xFF};
        for (String base : BASES) {
            byte[] body = base.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i <= body.length; i++) {
                assertSameDecoding(Arrays.copyOf(body, i));
                if (i < body.length) {
                    assertSameDecoding(concat(Arrays.copyOf(body, i), Arrays.copyOfRange(body, i + 1, body.length)));
                    for (byte edit : edits) {
                        byte[] edited = body.clone();
                        edited[i] = edit;
                        assertSameDecoding(edited);
                    }
                }
            }
        }
    }

    @Test
    void agreesOnOddBodies() {
        List<String> odd = List.of("", " ", "null", "[]", "5", "\"say\"", "{}", "{} {}", "{\"type\":5}",
                "{\"type\":null}", "{\"type\":\"say\"}", "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\"}x",
                "{type:\"say\",room:\"lobby\",text:\"hi\"}", "{'type':'say','room':'lobby','text':'hi'}",
                "/*c*/{\"type\":\"ping\"}", "{\"type\":\"ping\"}//c", "{\"type\":\"ping\",}", "{\"type\":\"ping\";}",
                "{\"type\":\"ping\"}\n", "\ufeff{\"type\":\"ping\"}", "{\"type\":\"ping\",\"x\":NaN}",
                "{\"t\\u0079pe\":\"say\",\"room\":\"lobby\",\"text\":\"\\u0041\\ud83c\\udf0d\"}",
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"\\ud83c\"}",
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"\\udf0d\\ud83c\"}",
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"a\\/b\\\"c\\\\d\\n\"}",
                "{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\",\"ref\":\"1\",\"ref\":\"2\"}",
                "{\"type\":\"say\",\"type\":\"ping\"}", "{\"type\":\"ping\",\"type\":\"say\"}",
                "{\"type\":\"SAY\",\"room\":\"lobby\",\"text\":\"hi\"}");
        for (String action : List.of("true", "false", "tru", "True", "truee", "true1", "fals", "falsey", "t", "0",
                "1", "\"\"", "nul", " true ", "\ttrue\n", "\ftrue", "\u00a0true", "true\r\n,\"ref\":\"1\"")) {
            assertSameDecoding("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\",\"action\":" + action + "}");
        }
        for (String text : List.of("a\tb", "a\u0000b", "a\u0001b", "a\nb", "a\rb", "a\u001fb", "a\u007fb",
                "a\u0085b", "a\u00a0b", "a\u2028b", "a\ufeffb", "\ufffd", "x\uffffy", "\ud83c\udf0d", " ")) {
            assertSameDecoding("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"" + text + "\"}");
            assertSameDecoding("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\",\"ref\":\"" + text + "\"}");
            assertSameDecoding("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"hi\"," + text + "}");
            assertSameDecoding(text + "{\"type\":\"ping\"}" + text);
        }
        for (String space : List.of(" ", "\t", "\n", "\r", "\f", "\u000b", "\u00a0", "\u2028", "\u3000")) {
            assertSameDecoding(space + "{" + space + "\"type\"" + space + ":" + space + "\"join\"" + space + ","
                    + space + "\"room\"" + space + ":" + space + "\"lobby\"" + space + "}" + space);
        }
        odd.forEach(DecoderAgreesWithTreeTest::assertSameDecoding);
        assertSameDecoding(new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
        assertSameDecoding(new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0,
                (byte) 0x80, '"', '}'});
    }

    /** Fields reordered, dropped, duplicated, retyped, renamed, padded with whitespace, followed by garbage. */
    private static Set<String> structuralMutations(String base) {
        List<String[]> fields = fieldsOf(base);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            List<String[]> reordered = new ArrayList<>(fields);
            reordered.add(0, reordered.remove(i));
            out.add(object(reordered, ","));
            List<String[]> dropped = new ArrayList<>(fields);
            dropped.remove(i);
            out.add(object(dropped, ","));
            List<String[]> duplicated = new ArrayList<>(fields);
            duplicated.add(fields.get(i));
            out.add(object(duplicated, ","));
            duplicated.set(duplicated.size() - 1, new String[] {fields.get(i)[0], "\"other\""});
            out.add(object(duplicated, ","));
            for (String value : VALUES) {
                List<String[]> retyped = new ArrayList<>(fields);
                retyped.set(i, new String[] {fields.get(i)[0], value});
                out.add(object(retyped, ","));
            }
            for (String name : List.of("\"Type\"", "\"extra\"", "\"action\"", "\"to\"", "\"nick\"", "\"reason\"",
                    "\"room\"", "\"text\"", "\"ref\"", "\"t\\u0065xt\"")) {
                List<String[]> renamed = new ArrayList<>(fields);
                renamed.set(i, new String[] {name, fields.get(i)[1]});
                out.add(object(renamed, ","));
            }
        }
        for (String extra : List.of("\"extra\":1", "\"extra\":\"x\"", "\"extra\":{\"a\":[1,2]}", "\"action\":true",
                "\"action\":\"true\"", "\"reason\":\"r\"", "\"to\":\"bob\"")) {
            out.add(base.substring(0, base.length() - 1) + "," + extra + "}");
            out.add("{" + extra + "," + base.substring(1));
        }
        out.add(object(fields, " , ").replace(":", " :\t").replace("{", "{\n ").replace("}", "\r\n}"));
        for (String trailer : List.of(" ", "\n", "x", "{}", ",", "}", "]", "\u0000", "/", "// c", "/* c */", "0")) {
            out.add(base + trailer);
        }
        out.add("[" + base + "]");
        out.add(" " + base);
        return out;
    }

    // The base bodies are flat objects of "name":value pairs with no ',' or ':' inside the values.
    private static List<String[]> fieldsOf(String base) {
        List<String[]> fields = new ArrayList<>();
        for (String pair : base.substring(1, base.length() - 1).split(",")) {
            int colon = pair.indexOf(':');
            fields.add(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        }
        return fields;
    }

    private static String object(List<String[]> fields, String separator) {
        List<String> pairs = fields.stream().map(f -> f[0] + ":" + f[1]).toList();
        return "{" + String.join(separator, pairs) + "}";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static void assertSameDecoding(String body) {
        assertSameDecoding(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSameDecoding(byte[] body) {
        Object expected = outcome(() -> TreeDecoder.decodeCommand(body));
        Object actual = outcome(() -> MessageCodec.decodeCommand(body));
        assertEquals(expected, actual, () -> "body: " + new String(body, StandardCharsets.UTF_8));
    }

    private interface Decode {
        Envelope<Command> decode() throws ProtocolException;
    }

    /** The envelope, or the error reduced to what reaches the peer: code, message and ref. */
    private static Object outcome(Decode decode) {
        try {
            return decode.decode();
        } catch (ProtocolException e) {
            return List.of(e.code(), String.valueOf(e.getMessage()), String.valueOf(e.ref()));
        } catch (RuntimeException e) {
            return fail("not a ProtocolException: " + e, e);
        }
    }
}
