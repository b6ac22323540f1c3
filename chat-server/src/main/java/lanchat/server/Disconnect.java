package lanchat.server;

import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;

/**
 * Why a session ends: the {@code reason} its rooms see in {@code left} (and the log shows), and the last frame
 * the client is sent before the connection closes, if any: a {@code bye}, or an {@code error} whose code closes
 * the connection. {@code ref} is the ref of the client frame that caused it, for that last frame.
 *
 * <p>Reasons: {@code quit} or {@code quit: TEXT}, {@code connection lost}, {@code timeout},
 * {@code server shutting down}, {@code handshake timeout}, and for a closing error its code with spaces
 * ({@code send queue exceeded}, {@code too many errors}, {@code frame too large}, …).
 */
record Disconnect(String reason, Event lastWords, String ref) {

    /** The client sent {@code quit}: it gets {@code bye{quit}}, the rooms see its reason text if it gave one. */
    static Disconnect quit(String text, String ref) {
        return new Disconnect(text == null ? "quit" : "quit: " + text, new Event.Bye("quit"), ref);
    }

    /** End of stream, a reset, or a failed read or write: nobody left to tell. */
    static Disconnect connectionLost() {
        return new Disconnect("connection lost", null, null);
    }

    /** Silent for the idle timeout, and again after a ping. */
    static Disconnect timeout() {
        return new Disconnect("timeout", new Event.Bye("timeout"), null);
    }

    /** No successful {@code hello} within the handshake timeout. */
    static Disconnect handshakeTimeout() {
        return new Disconnect("handshake timeout", new Event.Bye("handshake timeout"), null);
    }

    static Disconnect serverShutdown() {
        return new Disconnect("server shutting down", new Event.Bye("server shutting down"), null);
    }

    /** An error that closes the connection ({@link ErrorCode#closesConnection()}), sent as the last frame. */
    static Disconnect error(ErrorCode code, String message, String ref) {
        if (!code.closesConnection()) {
            throw new IllegalArgumentException("error code does not close the connection: " + code.wire());
        }
        return new Disconnect(code.wire().replace('_', ' '), new Event.Error(code, message), ref);
    }
}
