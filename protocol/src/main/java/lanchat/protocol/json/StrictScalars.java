package lanchat.protocol.json;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Gson adapters for strings, whole numbers and booleans that accept only their own JSON type. Gson's built-in
 * ones coerce ({@code 5} becomes {@code "5"}, {@code "5"} becomes {@code 5}); on the wire that would let a wrong
 * JSON type through, which the protocol calls {@code bad_field}. JSON {@code null} reads as an absent field.
 */
final class StrictScalars {
    private StrictScalars() {
    }

    static GsonBuilder register(GsonBuilder builder) {
        // Whole numbers are parsed from their literal text: Gson's nextInt() would truncate 1.5 to 1.
        TypeAdapter<Integer> ints = adapter(JsonToken.NUMBER, "a whole number",
                in -> Integer.parseInt(in.nextString()), (out, value) -> out.value(value));
        TypeAdapter<Long> longs = adapter(JsonToken.NUMBER, "a whole number",
                in -> Long.parseLong(in.nextString()), (out, value) -> out.value(value));
        TypeAdapter<Boolean> booleans = adapter(JsonToken.BOOLEAN, "true or false", JsonReader::nextBoolean,
                (out, value) -> out.value(value));
        return builder
                .registerTypeAdapter(String.class, adapter(JsonToken.STRING, "a string", JsonReader::nextString,
                        (out, value) -> out.value(value)))
                .registerTypeAdapter(Integer.class, ints)
                .registerTypeAdapter(int.class, ints)
                .registerTypeAdapter(Long.class, longs)
                .registerTypeAdapter(long.class, longs)
                .registerTypeAdapter(Boolean.class, booleans)
                .registerTypeAdapter(boolean.class, booleans);
    }

    private interface Read<T> {
        T read(JsonReader in) throws IOException;
    }

    private interface Write<T> {
        void write(JsonWriter out, T value) throws IOException;
    }

    private static <T> TypeAdapter<T> adapter(JsonToken token, String expected, Read<T> read, Write<T> write) {
        return new TypeAdapter<T>() {
            @Override
            public T read(JsonReader in) throws IOException {
                JsonToken actual = in.peek();
                if (actual == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                if (actual != token) {
                    throw new JsonSyntaxException("expected " + expected + " at " + in.getPath() + ", got " + actual);
                }
                try {
                    return read.read(in);
                } catch (NumberFormatException e) {
                    throw new JsonSyntaxException("expected " + expected + " at " + in.getPath(), e);
                }
            }

            @Override
            public void write(JsonWriter out, T value) throws IOException {
                if (value == null) {
                    out.nullValue();
                } else {
                    write.write(out, value);
                }
            }
        }.nullSafe();
    }
}
