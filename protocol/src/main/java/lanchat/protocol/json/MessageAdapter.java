package lanchat.protocol.json;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes one message record as a JSON object, on Gson's {@code JsonWriter}/{@code JsonReader}:
 *
 * <pre>
 * {"type":LABEL, then each component of the record in declaration order (null ones left out), then "ref":REF}
 * </pre>
 *
 * Each component goes through the Gson adapter for its type, so strings, whole numbers and booleans take the
 * strict adapters of {@link StrictScalars}, and lists, maps and nested records Gson's own. Reading ignores
 * {@code "type"}, {@code "ref"} and unknown fields (the codec has read the first two already), keeps the last of
 * duplicate keys, leaves absent fields null (or false, but refuses a JSON null there), and builds the record
 * through its canonical constructor, whose checks decide what is valid. Made by {@link MessageAdapterFactory}; thread-safe once built.
 */
final class MessageAdapter<T> extends TypeAdapter<T> {
    private final String label;
    private final Constructor<T> constructor;
    private final List<Component> components;
    private final Map<String, Integer> indexByName = new HashMap<>();

    MessageAdapter(Gson gson, Class<T> type) {
        this.label = MessageTypes.labelOf(type);
        RecordComponent[] parts = type.getRecordComponents();
        this.components = Arrays.stream(parts).map(part -> Component.of(gson, part)).toList();
        for (int i = 0; i < parts.length; i++) {
            indexByName.put(parts[i].getName(), i);
        }
        Class<?>[] parameterTypes = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
        }
    }

    @Override
    public void write(JsonWriter out, T message) throws IOException {
        write(out, message, null);
    }

    /** Writes {@code message} as one object, with {@code ref} last when it is not null. */
    void write(JsonWriter out, T message, String ref) throws IOException {
        out.beginObject();
        out.name("type").value(label);
        for (Component component : components) {
            Object value = component.read(message);
            if (value != null) {
                out.name(component.name());
                component.adapter().write(out, value);
            }
        }
        if (ref != null) {
            out.name("ref").value(ref);
        }
        out.endObject();
    }

    @Override
    public T read(JsonReader in) throws IOException {
        Object[] values = components.stream().map(Component::absent).toArray();
        in.beginObject();
        while (in.hasNext()) {
            Integer index = indexByName.get(in.nextName());
            if (index == null) {
                in.skipValue();
                continue;
            }
            Component component = components.get(index);
            Object value = component.adapter().read(in);
            if (value == null && component.primitive()) {
                throw nullForPrimitive(component, in);
            }
            values[index] = value;
        }
        in.endObject();
        return construct(values);
    }

    // Worded as Gson's own record adapter words it.
    private static JsonParseException nullForPrimitive(Component component, JsonReader in) {
        return new JsonParseException("null is not allowed as value for record component '" + component.name()
                + "' of primitive type; at path " + in.getPreviousPath());
    }

    private T construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            // The record refused a value: its FieldException (or other exception) is the cause.
            throw new JsonParseException("cannot build a \"" + label + "\" message", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + constructor, e);
        }
    }

    /** One record component: its JSON name, its accessor, its Gson adapter, and its value when absent. */
    private record Component(String name, Method accessor, TypeAdapter<Object> adapter, boolean primitive,
            Object absent) {
        @SuppressWarnings("unchecked")
        static Component of(Gson gson, RecordComponent part) {
            if (part.getName().equals("type") || part.getName().equals("ref")) {
                throw new IllegalStateException(part.getDeclaringRecord().getName() + " has a component named \""
                        + part.getName() + "\", which every frame body uses for itself");
            }
            Class<?> raw = part.getType();
            var adapter = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(part.getGenericType()));
            Object absent = raw.isPrimitive() ? Array.get(Array.newInstance(raw, 1), 0) : null;
            return new Component(part.getName(), part.getAccessor(), adapter, raw.isPrimitive(), absent);
        }

        Object read(Object message) {
            try {
                return accessor.invoke(message);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + accessor, e);
            }
        }
    }
}
