package lanchat.server.transport;

import java.io.IOException;

/**
 * Where an {@link Outbox}'s writer puts bytes: a TCP socket today ({@link SocketSink}), a TLS socket or a
 * WebSocket later. Only the outbox's writer thread calls {@link #write} and {@link #endOutput}; any thread may
 * call {@link #makeRoom}.
 */
public interface ByteSink {

    /**
     * Writes {@code length} bytes of {@code bytes} from the start, like {@code sendall}: returns once every byte is
     * handed to the kernel (or the transport below), or throws. May block for as long as the peer does not read.
     */
    void write(byte[] bytes, int length) throws IOException;

    /** After the last write: tells the peer no more bytes follow (a FIN), keeping the reading side open. */
    void endOutput() throws IOException;

    /**
     * The peer stopped reading and the queue was dropped: lets about {@code bytes} more in, so a last error frame
     * can still leave. Best effort; never throws.
     */
    void makeRoom(int bytes);
}
