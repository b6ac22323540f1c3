package lanchat.protocol;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole frames from a byte stream such as a socket's input stream.
 *
 * <p><b>Recv buffering.</b> TCP delivers a stream of bytes, not messages: one {@code read()} may return half a
 * header, a frame and a half, or three frames at once ("sticky packets"). This class keeps what the kernel
 * gave it in a buffer and loops ({@link #readFully}) until a whole header, then a whole body, is there. The
 * length is checked before anything is allocated, so a peer announcing 4 GiB costs nothing.
 *
 * <p>The recv buffer is small ({@value #RECV_BUFFER_BYTES} bytes): chat frames are small, and a server holds one
 * buffer per connection, idle ones included. A large body does not need a larger buffer: a read of more bytes
 * than the buffer holds goes straight from the kernel into the body array.
 *
 * <p>Not thread-safe: exactly one thread (a connection's reader thread) calls it. {@link #close()} closes
 * the underlying stream.
 */
public final class FrameReader implements AutoCloseable {
    static final int RECV_BUFFER_BYTES = 512;

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] header = new byte[FrameWriter.HEADER_BYTES];

    public FrameReader(InputStream in, int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes <= 0: " + maxFrameBytes);
        }
        // The recv buffer: most reads are served from it instead of a system call each.
        this.in = new BufferedInputStream(in, RECV_BUFFER_BYTES);
        this.maxFrameBytes = maxFrameBytes;
    }

    public FrameReader(InputStream in) {
        this(in, Rules.DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * Reads the next frame's body.
     *
     * @return the body bytes, or null at a clean end of stream (EOF between two frames)
     * @throws ProtocolException {@code frame_empty}, {@code frame_too_large} or {@code truncated}; after any
     *                           of them the stream is out of step and must be closed
     * @throws IOException       when the stream itself fails
     */
    public byte[] readFrame() throws IOException {
        int headerRead = readFully(header);
        if (headerRead == 0) {
            return null;
        }
        if (headerRead < header.length) {
            throw truncated("header", headerRead, header.length);
        }
        long length = FrameWriter.lengthOf(header);
        if (length == 0) {
            throw new ProtocolException(ErrorCode.FRAME_EMPTY, "frame length is 0; a frame holds 1 or more bytes");
        }
        if (length > maxFrameBytes) {
            throw exceededFrameLength(length);
        }
        byte[] body = new byte[(int) length];
        int bodyRead = readFully(body);
        if (bodyRead < body.length) {
            throw truncated("body", bodyRead, body.length);
        }
        return body;
    }

    /** Reads the next frame and decodes it as a client command; null at a clean end of stream. */
    public Envelope<Command> readCommand() throws IOException {
        byte[] body = readFrame();
        return body == null ? null : MessageCodec.decodeCommand(body);
    }

    /** Reads the next frame and decodes it as a server event; null at a clean end of stream. */
    public Envelope<Event> readEvent() throws IOException {
        byte[] body = readFrame();
        return body == null ? null : MessageCodec.decodeEvent(body);
    }

    /** Loops until {@code target} is full or the stream ends; returns how many bytes it got. */
    private int readFully(byte[] target) throws IOException {
        int filled = 0;
        while (filled < target.length) {
            int n = in.read(target, filled, target.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private ProtocolException exceededFrameLength(long length) {
        return new ProtocolException(ErrorCode.FRAME_TOO_LARGE,
                "frame length " + length + " exceeds maxFrameBytes " + maxFrameBytes);
    }

    private static ProtocolException truncated(String part, int got, int expected) {
        return new ProtocolException(ErrorCode.TRUNCATED,
                "stream ended inside a frame " + part + ": got " + got + " of " + expected + " bytes");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
