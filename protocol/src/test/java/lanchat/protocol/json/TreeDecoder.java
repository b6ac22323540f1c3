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
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Excerpt;
import lanchat.protocol.FieldException;
import lanchat.protocol.FieldRules;
import lanchat.protocol.ProtocolException;

/**
 * The reference {@link MessageCodec#decodeCommand} is tested against: a JSON tree handed to Gson's own reflective
 * record adapter (no {@link MessageAdapterFactory}), with the same strict scalars. Test code only.
 */
final class TreeDecoder {
    private static final Gson GSON = StrictScalars.register(new GsonBuilder())
            .setStrictness(Strictness.STRICT)
            .disableHtmlEscaping()
            .create();
    private static final Map<String, Class<? extends Command>> COMMANDS = new LinkedHashMap<>();

    static {
        for (String label : MessageTypes.COMMANDS.labels()) {
            COMMANDS.put(label, MessageTypes.COMMANDS.recordOf(label));
        }
    }

    private TreeDecoder() {
    }

    static Envelope<Command> decodeCommand(byte[] body) throws ProtocolException {
        return decode(body, COMMANDS);
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
            throw new ProtocolException(ErrorCode.MISSING_TYPE, "\"type\" must be a string, got " + type);
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
            throw new ProtocolException(ErrorCode.BAD_FIELD, "\"ref\" has " + text.codePointCount(0, text.length())
                    + " characters, more than " + FieldRules.MAX_REF_CODE_POINTS + "; this error carries no ref");
        }
        return text;
    }

    private static String refOrNull(JsonObject json) {
        JsonElement ref = json.get("ref");
        boolean isString = ref != null && ref.isJsonPrimitive() && ref.getAsJsonPrimitive().isString();
        return isString && FieldRules.isValidRef(ref.getAsString()) ? ref.getAsString() : null;
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
        return element.isJsonNull() ? "null" : "the value " + element;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : Excerpt.of(root.getMessage(), 200);
    }
}
