package lanchat.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code "type"} label a message record carries on the wire, written on the record itself:
 * {@code @MessageType("say") record Say(...) implements Command}. The codec reads it once, when it first lists the
 * records permitted by {@link Command} and {@link Event}; nothing from the wire ever names a Java class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageType {
    /** The label, unique among the commands and, separately, among the events. */
    String value();
}
