package lanchat.server.session;

import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;

/**
 * Why a connection ends: the {@code reason} its rooms see in {@code left} (and the log shows), the last frame the
 * client is sent before the connection closes, if any (a {@code bye}, or an {@code error} whose code closes the
 * connection), and whether the session is {@code held} for a resume rather than ended. {@code ref} is the ref of
 * the client frame that caused it, for that last frame.
 *
 * <p>Reasons: {@code quit} or {@code quit: TEXT}, {@code connection lost}, {@code timeout},
 * {@code server shutting down}, {@code handshake timeout}, {@code server error}, and for a closing error its code with spaces
 * ({@code send queue exceeded}, {@code too many errors}, {@code frame too large}, …). Only a connection lost
 * without the client asking (end of stream, a reset, a failed read or write, the ping {@code timeout}) is held;
 * {@code quit} and every cut the server decides end the session at once.
 */
public record Disconnect(String reason, Event lastWords, String ref, boolean held) {

    /** The client sent {@code quit}: it gets {@code bye{quit}}, the rooms see its reason text if it gave one. */
    public static Disconnect quit(String text, String ref) {
        return new Disconnect(text == null ? "quit" : "quit: " + text, new Event.Bye("quit"), ref, false);
    }

    /** End of stream, a reset, or a failed read or write: nobody left to tell. */
    public static Disconnect connectionLost() {
        return new Disconnect("connection lost", null, null, true);
    }

    /** Silent for the idle timeout, and again after a ping. */
    public static Disconnect timeout() {
        return new Disconnect("timeout", new Event.Bye("timeout"), null, true);
    }

    /** The session was resumed on a new connection while this one still looked open. */
    public static Disconnect resumedElsewhere() {
        return new Disconnect("resumed on another connection", new Event.Bye("resumed on another connection"),
                null, true);
    }

    /** No successful {@code hello} within the handshake timeout. */
    public static Disconnect handshakeTimeout() {
        return new Disconnect("handshake timeout", new Event.Bye("handshake timeout"), null, false);
    }

    /** A bug on the session's own thread: the session ends, the server and every other session go on. */
    public static Disconnect serverError() {
        return new Disconnect("server error", new Event.Bye("server error"), null, false);
    }

    public static Disconnect serverShutdown() {
        return new Disconnect("server shutting down", new Event.Bye("server shutting down"), null, false);
    }

    /** An error that closes the connection ({@link ErrorCode#closesConnection()}), sent as the last frame. */
    public static Disconnect error(ErrorCode code, String message, String ref) {
        if (!code.closesConnection()) {
            throw new IllegalArgumentException("error code does not close the connection: " + code.wire());
        }
        return new Disconnect(code.wire().replace('_', ' '), new Event.Error(code, message), ref, false);
    }
}
