package lanchat.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns messages into frame bodies (UTF-8 JSON objects with a {@code "type"}) and back. Decoding uses one shared,
 * strict Gson: no lenient JSON, no coercion between JSON types (see {@link StrictScalars}). Encoding, which the
 * server does for every frame it delivers, writes the JSON straight from the record ({@link MessageEncoder}),
 * byte for byte as that Gson would.
 *
 * <p>The {@code "type"} label of every message is mapped to its record here, explicitly, in both directions:
 * nothing from the wire ever names a Java class. Thread-safe; every method is static.
 */
public final class MessageCodec {
    private static final Map<String, Class<? extends Command>> COMMANDS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends Event>> EVENTS = new LinkedHashMap<>();
    private static final Map<Class<?>, String> LABELS = new LinkedHashMap<>();

    static {
        command("hello", Command.Hello.class);
        command("nick", Command.Nick.class);
        command("join", Command.Join.class);
        command("leave", Command.Leave.class);
        command("say", Command.Say.class);
        command("whisper", Command.Whisper.class);
        command("who", Command.Who.class);
        command("rooms", Command.ListRooms.class);
        command("ping", Command.Ping.class);
        command("pong", Command.Pong.class);
        command("quit", Command.Quit.class);
        command("file-offer", Command.FileOffer.class);
        command("file-accept", Command.FileAccept.class);
        command("file-reject", Command.FileReject.class);
        command("file-chunk", Command.FileChunk.class);
        command("file-ack", Command.FileAck.class);
        command("file-done", Command.FileDone.class);
        command("file-cancel", Command.FileCancel.class);

        event("welcome", Event.Welcome.class);
        event("joined", Event.Joined.class);
        event("left", Event.Left.class);
        event("renamed", Event.Renamed.class);
        event("message", Event.Message.class);
        event("whisper", Event.Whisper.class);
        event("users", Event.Users.class);
        event("rooms", Event.Rooms.class);
        event("error", Event.Error.class);
        event("gap", Event.Gap.class);
        event("ping", Event.Ping.class);
        event("pong", Event.Pong.class);
        event("bye", Event.Bye.class);
        event("file-offer", Event.FileOffer.class);
        event("file-accept", Event.FileAccept.class);
        event("file-reject", Event.FileReject.class);
        event("file-chunk", Event.FileChunk.class);
        event("file-ack", Event.FileAck.class);
        event("file-done", Event.FileDone.class);
        event("file-cancel", Event.FileCancel.class);
    }

    private static final Gson GSON = StrictScalars.register(new GsonBuilder())
            .setStrictness(Strictness.STRICT)
            .disableHtmlEscaping()
            .create();
    private static final MessageEncoder ENCODER = new MessageEncoder(GSON, LABELS);

    private MessageCodec() {
    }

    private static void command(String label, Class<? extends Command> type) {
        COMMANDS.put(label, type);
        LABELS.put(type, label);
    }

    private static void event(String label, Class<? extends Event> type) {
        EVENTS.put(label, type);
        LABELS.put(type, label);
    }

    /** The {@code "type"} label of a command or event record. */
    public static String label(Object message) {
        String label = LABELS.get(message.getClass());
        if (label == null) {
            throw new IllegalArgumentException("not a message record: " + message.getClass().getName());
        }
        return label;
    }

    /** The UTF-8 JSON body for a command, with an optional {@code ref} (null for none). */
    public static byte[] encode(Command command, String ref) {
        return ENCODER.encode(command, ref);
    }

    /** The UTF-8 JSON body for an event, with an optional {@code ref} (null for none). */
    public static byte[] encode(Event event, String ref) {
        return ENCODER.encode(event, ref);
    }

    public static byte[] encode(Command command) {
        return ENCODER.encode(command, null);
    }

    public static byte[] encode(Event event) {
        return ENCODER.encode(event, null);
    }

    /**
     * Decodes a frame body sent by a client. The common commands take a fast path ({@link CommonCommandReader});
     * anything it does not vouch for, every error included, is decoded by {@link #decodeCommandTree}.
     */
    public static Envelope<Command> decodeCommand(byte[] body) throws ProtocolException {
        Envelope<Command> common = CommonCommandReader.read(body);
        return common != null ? common : decodeCommandTree(body);
    }

    /** Decodes a client's frame body through a JSON tree and Gson: the reference the fast path is tested against. */
    static Envelope<Command> decodeCommandTree(byte[] body) throws ProtocolException {
        return decode(body, COMMANDS);
    }

    /** Decodes a frame body sent by the server. */
    public static Envelope<Event> decodeEvent(byte[] body) throws ProtocolException {
        return decode(body, EVENTS);
    }

    /** Encodes any value (e.g. a history record) with the same strict Gson, for files that share the format. */
    public static Gson gson() {
        return GSON;
    }

    private static <M> Envelope<M> decode(byte[] body, Map<String, Class<? extends M>> types)
            throws ProtocolException {
        JsonObject json = parseObject(utf8(body));
        try {
            return decodeObject(json, types);
        } catch (ProtocolException e) {
            // The object parsed, so the error can carry its ref back (when the ref itself is a string).
            throw e.withRef(refOrNull(json));
        }
    }

    private static <M> Envelope<M> decodeObject(JsonObject json, Map<String, Class<? extends M>> types)
            throws ProtocolException {
        Class<? extends M> type = types.get(typeLabel(json));
        if (type == null) {
            throw unknownType(json.get("type").getAsString(), types);
        }
        String ref = refOf(json);
        try {
            return new Envelope<>(GSON.fromJson(json, type), ref);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw badField(e);
        } catch (RuntimeException e) {
            // Gson wraps exceptions thrown by a record's constructor in a plain RuntimeException.
            throw badField(e);
        }
    }

    private static String utf8(byte[] body) throws ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.BAD_UTF8, "frame body is not valid UTF-8", e);
        }
    }

    private static JsonObject parseObject(String text) throws ProtocolException {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "trailing data after the JSON object");
            }
            if (!element.isJsonObject()) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "expected one JSON object, got " + kind(element));
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            if (e instanceof ProtocolException protocolException) {
                throw protocolException;
            }
            throw new ProtocolException(ErrorCode.BAD_JSON, "malformed JSON: " + rootMessage(e), e);
        }
    }

    private static String typeLabel(JsonObject json) throws ProtocolException {
        JsonElement type = json.get("type");
        if (type == null) {
            throw new ProtocolException(ErrorCode.MISSING_TYPE, "the object has no \"type\" field");
        }
        if (!type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) {
            throw new ProtocolException(ErrorCode.MISSING_TYPE, "\"type\" must be a string, got "
                    + Excerpt.of(type.toString(), Excerpt.MAX_CODE_POINTS));
        }
        return type.getAsString();
    }

    private static String refOf(JsonObject json) throws ProtocolException {
        JsonElement ref = json.get("ref");
        if (ref == null) {
            return null;
        }
        if (!ref.isJsonPrimitive() || !ref.getAsJsonPrimitive().isString()) {
            throw new ProtocolException(ErrorCode.BAD_FIELD, "\"ref\" must be a string, got "
                    + Excerpt.of(ref.toString(), Excerpt.MAX_CODE_POINTS));
        }
        String text = ref.getAsString();
        if (!Rules.isValidRef(text)) {
            throw refTooLong(text);
        }
        return text;
    }

    private static String refOrNull(JsonObject json) {
        JsonElement ref = json.get("ref");
        boolean isString = ref != null && ref.isJsonPrimitive() && ref.getAsJsonPrimitive().isString();
        // A ref over the cap is never echoed: that is what keeps an error about it within a frame.
        return isString && Rules.isValidRef(ref.getAsString()) ? ref.getAsString() : null;
    }

    private static ProtocolException refTooLong(String ref) {
        return new ProtocolException(ErrorCode.BAD_FIELD, "\"ref\" has " + ref.codePointCount(0, ref.length())
                + " characters, more than " + Rules.MAX_REF_CODE_POINTS + "; this error carries no ref");
    }

    private static ProtocolException unknownType(String label, Map<String, ?> types) {
        return new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                "unknown message type " + Excerpt.quoted(label) + "; known: " + String.join(", ", types.keySet()));
    }

    private static ProtocolException badField(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FieldException field) {
                return new ProtocolException(field.code(), field.getMessage(), e);
            }
        }
        return new ProtocolException(ErrorCode.BAD_FIELD, "bad field: " + rootMessage(e), e);
    }

    private static String kind(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        return element.isJsonNull() ? "null"
                : "the value " + Excerpt.of(element.toString(), Excerpt.MAX_CODE_POINTS);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        // Gson's messages quote the path of the bad value, whose keys came from the peer.
        return root.getMessage() == null ? root.getClass().getSimpleName() : Excerpt.of(root.getMessage(), 200);
    }
}
