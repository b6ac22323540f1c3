package lanchat.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.wire.FrameReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/** Runs every vector of {@code vectors/frames.json}, the file PROTOCOL.md points other implementations at. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GoldenVectorsTest {

    /** One vector as read from the file; shared with the server's tests through {@link #load()}. */
    record Vector(String name, String from, byte[] frame, JsonObject decoded, String error) {
    }

    static List<Vector> load() throws IOException {
        try (var in = GoldenVectorsTest.class.getResourceAsStream("/vectors/frames.json")) {
            var root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return StreamSupport.stream(root.getAsJsonArray("vectors").spliterator(), false)
                    .map(element -> element.getAsJsonObject())
                    .map(v -> new Vector(v.get("name").getAsString(), v.get("from").getAsString(),
                            HexFormat.of().parseHex(v.get("hex").getAsString()),
                            v.has("decoded") ? v.getAsJsonObject("decoded") : null,
                            v.has("error") ? v.get("error").getAsString() : null))
                    .toList();
        }
    }

    @TestFactory
    List<DynamicTest> everyVector() throws IOException {
        List<Vector> vectors = load();
        assertTrue(vectors.size() > 50, "vectors loaded: " + vectors.size());
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v))).toList();
    }

    private static void check(Vector v) throws IOException {
        var reader = new FrameReader(new ByteArrayInputStream(v.frame()));
        boolean fromClient = v.from().equals("client");
        if (v.error() != null) {
            var e = assertThrows(ProtocolException.class,
                    () -> {
                        if (fromClient) {
                            MessageCodec.readCommand(reader);
                        } else {
                            MessageCodec.readEvent(reader);
                        }
                    });
            assertEquals(v.error(), e.code().wire(), e.getMessage());
            return;
        }
        byte[] reencoded;
        if (fromClient) {
            Envelope<Command> envelope = MessageCodec.readCommand(reader);
            reencoded = MessageCodec.encode(envelope.message(), envelope.ref());
        } else {
            Envelope<Event> envelope = MessageCodec.readEvent(reader);
            reencoded = MessageCodec.encode(envelope.message(), envelope.ref());
        }
        assertEquals(v.decoded(), JsonParser.parseString(new String(reencoded, StandardCharsets.UTF_8)));
        assertNull(reader.readFrame(), "one frame per vector");
    }
}
