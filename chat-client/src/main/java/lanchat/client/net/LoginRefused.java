package lanchat.client.net;

import java.util.Optional;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;

/**
 * The server answered {@code hello} with an {@code error} instead of a {@code welcome}: the nick is taken, the
 * password is wrong, the server is full. The message is for logs; the user interface words the refusal for people
 * from {@link #error()}, {@link #hello()} and {@link #peer()}.
 */
public final class LoginRefused extends Exception {
    private final Event.Error error;
    private final Command.Hello hello;
    private final String peer;

    LoginRefused(Event.Error error, Command.Hello hello, String peer) {
        super(peer + " refused the login (" + error.code() + ")");
        this.error = error;
        this.hello = hello;
        this.peer = peer;
    }

    /** The hello that was refused. */
    public Command.Hello hello() {
        return hello;
    }

    /** "host:port" of the server that refused it. */
    public String peer() {
        return peer;
    }

    /** The error frame as the server sent it. */
    public Event.Error error() {
        return error;
    }

    /** The error's code, or empty for a code this client does not know. */
    public Optional<ErrorCode> code() {
        return ErrorCode.fromWire(error.code());
    }
}
