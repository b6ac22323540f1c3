package lanchat.client.net;

import lanchat.protocol.ProtocolException;

/**
 * Receives what a {@link ChatConnection} reads from the server. Every method is called on the connection's
 * reader thread, one call at a time, in the order the frames arrived; a slow listener slows the reading, so
 * hand long work to another thread. The connection has already answered a {@code ping} with a {@code pong}
 * before {@link #onEvent} sees it.
 */
public interface ConnectionListener {

    /** An event from the server, with the command it answers when its {@code ref} matched one. */
    void onEvent(Incoming incoming);

    /**
     * A frame that could not be decoded (an unknown type from a newer server, a bad field) and was skipped; the
     * frame boundaries are intact, so the connection goes on. Ignored by default.
     */
    default void onSkippedFrame(ProtocolException problem) {
    }

    /** Called exactly once, as the last call, when the connection has ended for whatever reason. */
    void onClosed(ConnectionEnd closure);
}
