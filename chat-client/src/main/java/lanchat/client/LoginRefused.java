package lanchat.client;

import java.util.Optional;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;

/**
 * The server answered {@code hello} with an {@code error} instead of a {@code welcome}: the nick is taken, the
 * password is wrong, the server is full. The message is one sentence for the user.
 */
public final class LoginRefused extends Exception {
    private final Event.Error error;

    LoginRefused(Event.Error error, String sentence) {
        super(sentence);
        this.error = error;
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
