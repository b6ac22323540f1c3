package lanchat.protocol.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import java.nio.charset.StandardCharsets;

/**
 * The reference {@link MessageCodec#encode} is tested against, byte for byte: builds a JSON tree with a Gson that
 * knows nothing of message types ({@code "type"}, the record's fields through Gson's reflective adapter,
 * {@code "ref"}), then serializes it. Test code only.
 */
final class TreeEncoder {
    private static final Gson GSON = StrictScalars.register(new GsonBuilder())
            .setStrictness(Strictness.STRICT)
            .disableHtmlEscaping()
            .create();

    private TreeEncoder() {
    }

    static byte[] encode(Object message, String ref) {
        JsonObject json = new JsonObject();
        json.addProperty("type", MessageCodec.label(message));
        GSON.toJsonTree(message).getAsJsonObject().entrySet()
                .forEach(e -> json.add(e.getKey(), e.getValue()));
        if (ref != null) {
            json.addProperty("ref", ref);
        }
        return GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    }
}
