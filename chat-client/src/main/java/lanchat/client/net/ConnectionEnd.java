package lanchat.client.net;

import java.io.IOException;
import lanchat.protocol.ProtocolException;

/**
 * How a {@link ChatConnection} ended: the facts, for the layers above to word (the user interface makes the
 * server's text inert before showing it).
 *
 * @param requested true when this client ended it ({@code quit} or {@code close()}), false when the server or
 *                  the network did
 * @param peer      "host:port" of the server
 * @param byeReason the reason in the server's {@code bye} frame, or null when none came
 * @param failure   what went wrong when the connection broke (a reset, a broken frame), or null for a clean end
 */
public record ConnectionEnd(boolean requested, String peer, String byeReason, String failure) {

    /** What broke, for {@code failure}: "the server sent a broken frame (...)", "Connection reset". */
    public static String describe(IOException e) {
        if (e instanceof ProtocolException broken) {
            return "the server sent a broken frame (" + broken.code().wire() + "): " + broken.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
