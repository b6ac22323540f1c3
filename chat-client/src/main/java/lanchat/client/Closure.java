package lanchat.client;

import java.io.IOException;
import lanchat.protocol.ProtocolException;

/**
 * How a {@link ChatConnection} ended.
 *
 * @param requested true when this client ended it ({@code quit} or {@code close()}), false when the server or
 *                  the network did
 * @param peer      "host:port" of the server
 * @param byeReason the reason in the server's {@code bye} frame, or null when none came
 * @param failure   what went wrong when the connection broke (a reset, a broken frame), or null for a clean end
 */
public record Closure(boolean requested, String peer, String byeReason, String failure) {

    /** One sentence for the user, e.g. "the server at localhost:7777 closed the connection: shutting down". */
    public String sentence() {
        if (failure != null) {
            return "lost the connection to " + peer + ": " + Neutraliser.neutralise(failure);
        }
        String closed = "the server at " + peer + " closed the connection";
        return byeReason == null ? closed : closed + ": " + Neutraliser.neutralise(byeReason);
    }

    /** What broke, for {@code failure}: "the server sent a broken frame (...)", "Connection reset". */
    static String describe(IOException e) {
        if (e instanceof ProtocolException broken) {
            return "the server sent a broken frame (" + broken.code().wire() + "): " + broken.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
