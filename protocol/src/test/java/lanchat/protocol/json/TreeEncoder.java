package lanchat.protocol.json;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The encoder {@link MessageEncoder} replaced, kept as the reference its output must match byte for byte: builds
 * a JSON tree with Gson ({@code "type"}, the record's fields, {@code "ref"}), then serializes it.
 */
final class TreeEncoder {
    private TreeEncoder() {
    }

    static byte[] encode(Object message, String ref) {
        JsonObject json = new JsonObject();
        json.addProperty("type", MessageCodec.label(message));
        MessageCodec.gson().toJsonTree(message).getAsJsonObject().entrySet()
                .forEach(e -> json.add(e.getKey(), e.getValue()));
        if (ref != null) {
            json.addProperty("ref", ref);
        }
        return MessageCodec.gson().toJson(json).getBytes(StandardCharsets.UTF_8);
    }
}
