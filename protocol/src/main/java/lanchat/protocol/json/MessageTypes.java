package lanchat.protocol.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.MessageType;

/**
 * Every message record of one family ({@link #COMMANDS} or {@link #EVENTS}) with its {@code "type"} label, read
 * once from the sealed interface's permitted subclasses and their {@link MessageType} annotations, in declaration
 * order. This is the one place a label becomes a class: the wire never names a Java class.
 *
 * <p>A record without a label, or two records with the same label, fail here when the class is first loaded:
 * the codec's tests then fail at once, naming the record. Immutable and thread-safe.
 */
public final class MessageTypes<M> {
    /** What a client sends. */
    public static final MessageTypes<Command> COMMANDS = new MessageTypes<>(Command.class);
    /** What the server sends. */
    public static final MessageTypes<Event> EVENTS = new MessageTypes<>(Event.class);

    private final Class<M> family;
    private final Map<String, Class<? extends M>> byLabel;

    private MessageTypes(Class<M> family) {
        this.family = family;
        Map<String, Class<? extends M>> byLabel = new LinkedHashMap<>();
        collect(family, byLabel);
        this.byLabel = Collections.unmodifiableMap(byLabel);
    }

    /** The labels in declaration order, e.g. {@code hello, nick, join, ...} for the commands. */
    public List<String> labels() {
        return List.copyOf(byLabel.keySet());
    }

    /** The record class for {@code label}, or null when this family has no such message. */
    public Class<? extends M> recordOf(String label) {
        return byLabel.get(label);
    }

    /** True when {@code type} is one of this family's records. */
    public boolean contains(Class<?> type) {
        return family.isAssignableFrom(type) && byLabel.containsValue(type);
    }

    /** The label of a message record class, read from its annotation. */
    static String labelOf(Class<?> type) {
        MessageType label = type.getAnnotation(MessageType.class);
        if (label == null) {
            throw new IllegalStateException(type.getName() + " has no @MessageType label");
        }
        return label.value();
    }

    // Sealed sub-interfaces (FileCommand, FileEvent) are walked in place, so their records keep their order.
    private void collect(Class<?> sealed, Map<String, Class<? extends M>> byLabel) {
        for (Class<?> type : sealed.getPermittedSubclasses()) {
            if (type.isInterface()) {
                collect(type, byLabel);
            } else if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " is not a record");
            } else {
                Class<? extends M> previous = byLabel.put(labelOf(type), type.asSubclass(family));
                if (previous != null) {
                    throw new IllegalStateException(type.getName() + " and " + previous.getName()
                            + " have the same label \"" + labelOf(type) + "\"");
                }
            }
        }
    }
}
