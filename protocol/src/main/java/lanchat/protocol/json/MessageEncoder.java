package lanchat.protocol.json;

import com.google.gson.Gson;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a message record straight to the bytes of its frame body, with no JSON tree in between:
 *
 * <pre>
 * {"type":LABEL, then each component of the record in declaration order (null ones left out), then "ref":REF}
 * </pre>
 *
 * This is the path of every frame the server delivers, so it reads each record's layout (label, component names,
 * accessors) once, up front, and writes strings, whole numbers and booleans itself: those are all the fields of
 * the frames sent most ({@code message}, {@code joined}, {@code whisper}, ...). Strings are escaped exactly as the
 * shared Gson escapes them (see {@link #appendString}). Lists, maps and nested records go to that Gson.
 * {@code MessageEncoderTest} checks the bytes against the Gson tree this class replaced.
 *
 * <p>Thread-safe: the layouts never change after construction, and each call has its own buffer.
 */
final class MessageEncoder {
    // Most bodies are a line of chat: room for one without growing the buffer.
    private static final int INITIAL_CHARS = 256;
    private static final Set<Type> STRINGS = Set.of(String.class);
    private static final Set<Type> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class);
    private static final Set<Type> BOOLEANS = Set.of(Boolean.class, boolean.class);
    // How each ASCII char is written inside a JSON string; null: as it is.
    private static final String[] ASCII_ESCAPES = asciiEscapes();

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
        StringBuilder json = new StringBuilder(INITIAL_CHARS).append("{\"type\":");
        appendString(json, layout.label());
        for (Field field : layout.fields()) {
            Object value = field.read(message);
            if (value != null) {
                json.append(field.key());
                appendValue(json, field, value);
            }
        }
        if (ref != null) {
            json.append(",\"ref\":");
            appendString(json, ref);
        }
        // String.getBytes writes an unpaired surrogate as '?', as the encoder before this one did.
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendValue(StringBuilder json, Field field, Object value) {
        switch (field.kind()) {
            case STRING -> appendString(json, (String) value);
            case WHOLE_NUMBER -> json.append(((Number) value).longValue());
            case BOOLEAN -> json.append((boolean) (Boolean) value);
            case OTHER -> gson.toJson(value, field.type(), json);
        }
    }

    /**
     * Appends {@code value} as a JSON string, escaped as Gson's {@code JsonWriter} escapes it with HTML escaping
     * off: a backslash before {@code "} and before a backslash; the control chars U+0000 to U+001F as
     * {@code \t}, {@code \b}, {@code \n}, {@code \r}, {@code \f} or a six-char escape in lowercase hex; and U+2028
     * and U+2029, which end a line in JavaScript, as six-char escapes. Every other char, {@code <>&='} and DEL
     * included, is written as it is.
     */
    static void appendString(StringBuilder json, String value) {
        json.append('"');
        int copied = 0;
        for (int i = 0; i < value.length(); i++) {
            String escape = escapeOf(value.charAt(i));
            if (escape != null) {
                json.append(value, copied, i).append(escape);
                copied = i + 1;
            }
        }
        json.append(value, copied, value.length()).append('"');
    }

    private static String escapeOf(char c) {
        if (c < ASCII_ESCAPES.length) {
            return ASCII_ESCAPES[c];
        }
        return c == '\u2028' ? "\\u2028" : c == '\u2029' ? "\\u2029" : null;
    }

    private static String[] asciiEscapes() {
        String[] escapes = new String[128];
        for (char c = 0; c < 0x20; c++) {
            escapes[c] = String.format("\\u%04x", (int) c);
        }
        escapes['"'] = "\\\"";
        escapes['\\'] = "\\\\";
        escapes['\t'] = "\\t";
        escapes['\b'] = "\\b";
        escapes['\n'] = "\\n";
        escapes['\r'] = "\\r";
        escapes['\f'] = "\\f";
        return escapes;
    }

    private record Layout(String label, List<Field> fields) {
    }

    private enum Kind { STRING, WHOLE_NUMBER, BOOLEAN, OTHER }

    /** One record component: {@code ,"name":}, how to read it from the record, and what kind of JSON it is. */
    private record Field(String key, Method accessor, Kind kind, Type type) {
        Object read(Object message) {
            try {
                return accessor.invoke(message);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + accessor, e);
            }
        }
    }

    private static Layout layoutOf(Class<?> type, String label) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("not a record: " + type.getName());
        }
        return new Layout(label, Arrays.stream(type.getRecordComponents()).map(MessageEncoder::fieldOf).toList());
    }

    private static Field fieldOf(RecordComponent component) {
        String name = component.getName();
        if (name.equals("type") || name.equals("ref")) {
            throw new IllegalArgumentException(component.getDeclaringRecord().getName() + " has a component named \""
                    + name + "\", which every frame uses for itself");
        }
        Type type = component.getGenericType();
        StringBuilder key = new StringBuilder(",");
        appendString(key, name);
        return new Field(key.append(':').toString(), component.getAccessor(), kindOf(type), type);
    }

    private static Kind kindOf(Type type) {
        if (STRINGS.contains(type)) {
            return Kind.STRING;
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return Kind.WHOLE_NUMBER;
        }
        return BOOLEANS.contains(type) ? Kind.BOOLEAN : Kind.OTHER;
    }
}
