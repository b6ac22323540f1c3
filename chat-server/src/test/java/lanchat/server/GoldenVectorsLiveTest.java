package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Every client vector of the protocol's {@code vectors/frames.json}, sent as raw bytes to a live server on a fresh
 * connection, before and after {@code hello}: the server answers as PROTOCOL.md says, closes only after framing
 * errors, and two well-behaved clients in the lobby keep chatting throughout with consecutive seqs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoldenVectorsLiveTest {
    private static final String NICK = "vec";

    /** One vector of the file. */
    record Vector(String name, String from, byte[] frame, JsonObject decoded, String error, JsonArray afterHello) {
        String type() {
            return decoded.get("type").getAsString();
        }

        String ref() {
            return decoded.has("ref") ? decoded.get("ref").getAsString() : null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private LiveServer live;
    private TestClient carol;
    private TestClient dave;
    private final Map<TestClient, Long> lastSeq = new HashMap<>();

    @BeforeEach
    void startServerWithTwoChatters() throws Exception {
        // No history and no resume: each vector's client meets a lobby without replays, and its nick is free
        // again as soon as its connection closes (history and resume have tests of their own).
        live = LiveServer.start("--rate-limit", "0", "--history", "0", "--resume-grace", "0");
        carol = live.registerIn("lobby", "carol");
        dave = live.registerIn("lobby", "dave");
        lastSeq.put(carol, 0L);
        lastSeq.put(dave, 0L);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @TestFactory
    List<DynamicTest> everyClientVectorBeforeHello() throws IOException {
        return clientVectors().stream()
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> beforeHello(v)))
                .toList();
    }

    @TestFactory
    List<DynamicTest> everyClientVectorAfterHello() throws IOException {
        return clientVectors().stream()
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> afterHello(v)))
                .toList();
    }

    private void beforeHello(Vector v) throws Exception {
        try (TestClient client = TestClient.connect(live.port())) {
            send(client, v);
            if (v.error() != null) {
                expectError(client, v);
            } else if (v.type().equals("hello")) {
                expectWelcome(client, v);
            } else {
                assertEquals(v.ref(), client.expectError(ErrorCode.NOT_REGISTERED).ref());
                client.send(new Command.Hello(NICK));
                client.expect(Event.Welcome.class);
            }
        }
        companionsStillChat(v);
    }

    private void afterHello(Vector v) throws Exception {
        try (TestClient client = TestClient.registered(live.port(), NICK)) {
            client.join("lobby");
            send(client, v);
            if (v.error() != null) {
                expectError(client, v);
            } else {
                expectReply(client, v);
            }
        }
        companionsStillChat(v);
    }

    private static void send(TestClient client, Vector v) throws IOException {
        client.sendRaw(v.frame());
        if (v.error() != null && v.error().equals(ErrorCode.TRUNCATED.wire())) {
            client.shutdownOutput();
        }
    }

    /** The vector's own error code; after a framing error the connection is closed, otherwise it still works. */
    private static void expectError(TestClient client, Vector v) throws Exception {
        ErrorCode code = ErrorCode.fromWire(v.error()).orElseThrow();
        client.expectError(code);
        if (code.closesConnection()) {
            client.awaitEnd();
        } else {
            assertEquals(List.of(), client.sync());
        }
    }

    private static void expectWelcome(TestClient client, Vector v) throws Exception {
        if (v.decoded().has("resume")) {
            assertEquals(v.ref(), client.expectError(ErrorCode.RESUME_FAILED).ref());
        }
        Envelope<Event> welcome = client.next();
        assertEquals(v.decoded().get("nick").getAsString(),
                assertInstanceOf(Event.Welcome.class, welcome.message()).nick());
        assertEquals(v.ref(), welcome.ref());
    }

    /**
     * A registered member of the lobby sent a valid command: the replies the vector's {@code afterHello} lists, in
     * order, each matching the fields it names and carrying the vector's ref (or none).
     */
    private static void expectReply(TestClient client, Vector v) throws Exception {
        assertTrue(v.afterHello() != null, "vector \"" + v.name() + "\" lists no afterHello replies in frames.json");
        if (v.afterHello().isEmpty()) {
            assertEquals(List.of(), client.sync());
            return;
        }
        boolean closes = false;
        for (JsonElement each : v.afterHello()) {
            JsonObject expected = each.getAsJsonObject();
            Envelope<Event> reply = client.next();
            JsonObject actual = JsonParser.parseString(
                    new String(MessageCodec.encode(reply.message(), reply.ref()), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            assertMatches(expected, actual);
            closes |= expected.has("closes") && expected.get("closes").getAsBoolean();
        }
        if (closes) {
            client.awaitEnd();
        }
    }

    private static void assertMatches(JsonObject expected, JsonObject actual) {
        for (var field : expected.entrySet()) {
            switch (field.getKey()) {
                case "closes" -> { }
                case "includes" -> field.getValue().getAsJsonObject().entrySet().forEach(array -> array.getValue()
                        .getAsJsonArray().forEach(element -> assertTrue(
                                actual.getAsJsonArray(array.getKey()).contains(element),
                                array.getKey() + " includes " + element + " in " + actual)));
                default -> assertEquals(field.getValue(), actual.get(field.getKey()), field.getKey() + " in " + actual);
            }
        }
        assertEquals(expected.has("ref"), actual.has("ref"), "a ref exactly when the vector has one: " + actual);
    }

    /**
     * carol says something and both companions receive it, every message they got meanwhile numbered by the
     * lobby's next seq. Then the vector's connection is gone: the server holds no other socket than theirs.
     */
    private void companionsStillChat(Vector v) throws Exception {
        String text = "still here after: " + v.name();
        carol.send(new Command.Say("lobby", text));
        for (TestClient companion : List.of(carol, dave)) {
            Event.Message message;
            do {
                message = nextMessage(companion);
                assertEquals(lastSeq.get(companion) + 1, message.seq(), "seqs seen by " + companion.nick());
                lastSeq.put(companion, message.seq());
            } while (!message.text().equals(text));
            assertEquals(new Event.Message("lobby", "carol", text, false, message.seq(), message.ts(), false),
                    message);
        }
        LiveServer.soon().until(() -> live.server().openSocketCount() == 2);
    }

    /** The next message, skipping the joins, leaves and renames of the vectors' clients. */
    private static Event.Message nextMessage(TestClient client) throws InterruptedException {
        Event event = client.next().message();
        while (!(event instanceof Event.Message)) {
            event = client.next().message();
        }
        return (Event.Message) event;
    }

    private static List<Vector> clientVectors() throws IOException {
        try (var in = GoldenVectorsLiveTest.class.getResourceAsStream("/vectors/frames.json")) {
            assertTrue(in != null, "vectors/frames.json is not on the test classpath");
            var root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return StreamSupport.stream(root.getAsJsonArray("vectors").spliterator(), false)
                    .map(element -> element.getAsJsonObject())
                    .map(v -> new Vector(v.get("name").getAsString(), v.get("from").getAsString(),
                            HexFormat.of().parseHex(v.get("hex").getAsString()),
                            v.has("decoded") ? v.getAsJsonObject("decoded") : null,
                            v.has("error") ? v.get("error").getAsString() : null,
                            v.has("afterHello") ? v.getAsJsonArray("afterHello") : null))
                    .filter(v -> v.from().equals("client"))
                    .toList();
        }
    }
}
