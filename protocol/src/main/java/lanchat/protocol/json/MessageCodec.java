package lanchat.protocol.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Excerpt;
import lanchat.protocol.Event;
import lanchat.protocol.FieldException;
import lanchat.protocol.FieldRules;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.wire.FrameReader;

/**
 * Turns messages into frame bodies (UTF-8 JSON objects with a {@code "type"}) and back, through one shared,
 * strict Gson: no lenient JSON, no coercion between JSON types (see {@link StrictScalars}). Each message record is
 * read and written by a {@link MessageAdapter}, which {@link MessageAdapterFactory} gives Gson for every record
 * in {@link MessageTypes}; the labels come from the records' {@code @MessageType} annotations.
 *
 * <p>Who calls it: a connection's reader thread decodes what arrives; the server encodes each event once, on the
 * thread that broadcasts it, and shares the bytes with every recipient. Thread-safe; every method is static.
 */
public final class MessageCodec {
    // Most bodies are a line of chat: room for one without growing the buffer.
    private static final int INITIAL_CHARS = 256;

    private static final Gson GSON = StrictScalars.register(new GsonBuilder())
            .registerTypeAdapterFactory(new MessageAdapterFactory())
            .setStrictness(Strictness.STRICT)
            .disableHtmlEscaping()
            .create();

    private MessageCodec() {
    }

    /** The {@code "type"} label of a command or event record. */
    public static String label(Object message) {
        if (!MessageTypes.COMMANDS.contains(message.getClass()) && !MessageTypes.EVENTS.contains(message.getClass())) {
            throw notAMessage(message);
        }
        return MessageTypes.labelOf(message.getClass());
    }

    /** The UTF-8 JSON body for a command, with an optional {@code ref} (null for none). */
    public static byte[] encode(Command command, String ref) {
        return write(command, ref);
    }

    /** The UTF-8 JSON body for an event, with an optional {@code ref} (null for none). */
    public static byte[] encode(Event event, String ref) {
        return write(event, ref);
    }

    public static byte[] encode(Command command) {
        return write(command, null);
    }

    public static byte[] encode(Event event) {
        return write(event, null);
    }

    /** Decodes a frame body sent by a client. */
    public static Envelope<Command> decodeCommand(byte[] body) throws ProtocolException {
        return decode(body, MessageTypes.COMMANDS);
    }

    /** Decodes a frame body sent by the server. */
    public static Envelope<Event> decodeEvent(byte[] body) throws ProtocolException {
        return decode(body, MessageTypes.EVENTS);
    }

    /** Reads the next frame and decodes it as a client command; null at a clean end of stream. */
    public static Envelope<Command> readCommand(FrameReader reader) throws IOException {
        byte[] body = reader.readFrame();
        return body == null ? null : decodeCommand(body);
    }

    /** Reads the next frame and decodes it as a server event; null at a clean end of stream. */
    public static Envelope<Event> readEvent(FrameReader reader) throws IOException {
        byte[] body = reader.readFrame();
        return body == null ? null : decodeEvent(body);
    }

    /** Encodes any value (e.g. a history record) with the same strict Gson, for files that share the format. */
    public static Gson gson() {
        return GSON;
    }

    private static byte[] write(Object message, String ref) {
        if (!(GSON.getAdapter(message.getClass()) instanceof MessageAdapter<?> found)) {
            throw notAMessage(message);
        }
        @SuppressWarnings("unchecked")
        var adapter = (MessageAdapter<Object>) found;
        StringWriter json = new StringWriter(INITIAL_CHARS);
        try (JsonWriter out = GSON.newJsonWriter(json)) {
            adapter.write(out, message, ref);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter failed", e);
        }
        // String.getBytes writes an unpaired surrogate as '?'.
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static <M> Envelope<M> decode(byte[] body, MessageTypes<M> types) throws ProtocolException {
        JsonObject json = parseObject(utf8(body));
        try {
            return decodeObject(json, types);
        } catch (ProtocolException e) {
            // The object parsed, so the error can carry its ref back (when the ref itself is a string).
            throw e.withRef(refOrNull(json));
        }
    }

    private static <M> Envelope<M> decodeObject(JsonObject json, MessageTypes<M> types) throws ProtocolException {
        Class<? extends M> type = types.recordOf(typeLabel(json));
        if (type == null) {
            throw unknownType(json.get("type").getAsString(), types);
        }
        String ref = refOf(json);
        try {
            return new Envelope<>(GSON.fromJson(json, type), ref);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw badField(e);
        } catch (RuntimeException e) {
            // Any other failure of a record adapter, e.g. one wrapped by Gson: still the sender's field.
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
        if (!FieldRules.isValidRef(text)) {
            throw refTooLong(text);
        }
        return text;
    }

    private static String refOrNull(JsonObject json) {
        JsonElement ref = json.get("ref");
        boolean isString = ref != null && ref.isJsonPrimitive() && ref.getAsJsonPrimitive().isString();
        // A ref over the cap is never echoed: that is what keeps an error about it within a frame.
        return isString && FieldRules.isValidRef(ref.getAsString()) ? ref.getAsString() : null;
    }

    private static ProtocolException refTooLong(String ref) {
        return new ProtocolException(ErrorCode.BAD_FIELD, "\"ref\" has " + ref.codePointCount(0, ref.length())
                + " characters, more than " + FieldRules.MAX_REF_CODE_POINTS + "; this error carries no ref");
    }

    private static ProtocolException unknownType(String label, MessageTypes<?> types) {
        return new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                "unknown message type " + Excerpt.quoted(label) + "; known: " + String.join(", ", types.labels()));
    }

    private static IllegalArgumentException notAMessage(Object message) {
        return new IllegalArgumentException("not a message record: " + message.getClass().getName());
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
