package lanchat.protocol;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a message record straight to the bytes of its frame body, with no JSON tree in between:
 *
 * <pre>
 * {"type":LABEL, then each component of the record in declaration order (null ones left out), then "ref":REF}
 * </pre>
 *
 * Every value is written by the shared Gson's own adapter for its type, into a {@link JsonWriter} made by that
 * Gson, so escaping and number formats are exactly Gson's. This is the path of every frame the server delivers,
 * which is why it reads each record's layout (label, component names, accessors, adapters) once, up front.
 *
 * <p>Thread-safe: the layouts never change after construction, and each call has its own writer.
 */
final class MessageEncoder {
    // Most bodies are a line of chat: room for one without growing the buffer.
    private static final int INITIAL_CHARS = 256;

    private final Gson gson;
    private final Map<Class<?>, Layout> layouts;

    /** An encoder for the record classes in {@code labels}, each with its {@code "type"} label. */
    MessageEncoder(Gson gson, Map<Class<?>, String> labels) {
        this.gson = gson;
        Map<Class<?>, Layout> layouts = new HashMap<>();
        labels.forEach((type, label) -> layouts.put(type, layoutOf(type, label)));
        this.layouts = Map.copyOf(layouts);
    }

    /** The UTF-8 JSON body of {@code message}, with {@code ref} last when it is not null. */
    byte[] encode(Object message, String ref) {
        Layout layout = layouts.get(message.getClass());
        if (layout == null) {
            throw new IllegalArgumentException("not a message record: " + message.getClass().getName());
        }
        TextBuffer text = new TextBuffer(INITIAL_CHARS);
        try (JsonWriter out = gson.newJsonWriter(text)) {
            out.beginObject();
            out.name("type").value(layout.label());
            for (Field field : layout.fields()) {
                Object value = field.read(message);
                if (value != null) {
                    field.adapter().write(out.name(field.name()), value);
                }
            }
            if (ref != null) {
                out.name("ref").value(ref);
            }
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        // String.getBytes writes an unpaired surrogate as '?', as the encoder before this one did.
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Layout(String label, List<Field> fields) {
    }

    /** One record component: its JSON name, how to read it from the record, and Gson's adapter for its type. */
    private record Field(String name, Method accessor, TypeAdapter<Object> adapter) {
        Object read(Object message) {
            try {
                return accessor.invoke(message);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + message.getClass().getName(), e);
            }
        }
    }

    private Layout layoutOf(Class<?> type, String label) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("not a record: " + type.getName());
        }
        List<Field> fields = Arrays.stream(type.getRecordComponents()).map(this::fieldOf).toList();
        for (Field field : fields) {
            if (field.name().equals("type") || field.name().equals("ref")) {
                throw new IllegalArgumentException(type.getName() + " has a component named \"" + field.name()
                        + "\", which the envelope of every frame uses");
            }
        }
        return new Layout(label, fields);
    }

    @SuppressWarnings("unchecked")
    private Field fieldOf(RecordComponent component) {
        var adapter = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(component.getGenericType()));
        return new Field(component.getName(), component.getAccessor(), adapter);
    }

    /**
     * A {@link Writer} into a growing char array. {@code StringWriter} would do, but it locks a
     * {@code StringBuffer} for each of the many small writes a {@link JsonWriter} makes; nothing is shared here.
     */
    private static final class TextBuffer extends Writer {
        private char[] chars;
        private int length;

        TextBuffer(int initialChars) {
            chars = new char[initialChars];
        }

        @Override
        public void write(int c) {
            ensureRoom(1);
            chars[length++] = (char) c;
        }

        @Override
        public void write(String s, int offset, int count) {
            ensureRoom(count);
            s.getChars(offset, offset + count, chars, length);
            length += count;
        }

        @Override
        public void write(char[] source, int offset, int count) {
            ensureRoom(count);
            System.arraycopy(source, offset, chars, length, count);
            length += count;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }

        private void ensureRoom(int count) {
            if (length + count > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
            }
        }
    }
}
