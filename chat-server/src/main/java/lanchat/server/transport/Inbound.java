package lanchat.server.transport;

/**
 * What a {@link Connection}'s reader thread hands frames to: the session. Every method is called on that one
 * reader thread, in this order: {@link #body} for each frame while {@link #over()} is false, then
 * {@link #readingStopped} once (or {@link #crashed}), and {@link #closed} last, after the connection is closed.
 */
public interface Inbound {

    /** One frame's body (the header is gone), never empty, at most the frame limit. */
    void body(byte[] body);

    /** True once the session wants no more frames: the reader stops reading them. */
    boolean over();

    /**
     * Reading frames has stopped: {@code cause} is null when {@link #over()} became true or the peer closed (end of
     * stream), a {@code ProtocolException} when the bytes broke the framing, or the {@code IOException} of a
     * failed read. The reader then waits for the peer to close and the outbox to drain, then closes.
     */
    void readingStopped(Exception cause);

    /** The reader met something it did not expect (a bug, or no memory left); the connection closes next. */
    void crashed(Throwable failure);

    /** The connection is closed: the last call. */
    void closed();
}
