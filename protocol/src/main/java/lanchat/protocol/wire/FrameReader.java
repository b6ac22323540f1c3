package lanchat.protocol.wire;

import java.io.IOException;
import java.io.InputStream;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.FieldRules;
import lanchat.protocol.ProtocolException;

/**
 * Reads whole frames from a byte stream such as a socket's input stream.
 *
 * <p><b>Recv buffering.</b> TCP delivers a stream of bytes, not messages: one {@code read()} may return half a
 * header, a frame and a half, or three frames at once ("sticky packets"). This class keeps what the kernel gave
 * it in a recv buffer, takes whole frames out of it, and reads again only when the buffer runs short:
 *
 * <pre>
 *   recv: [ taken | len body len bo | free ]
 *                 ^start            ^end       a read appends at end; a frame is taken from start
 * </pre>
 *
 * The length is checked before anything is allocated, so a peer announcing 4 GiB costs nothing.
 *
 * <p>The recv buffer is small ({@value #RECV_BUFFER_BYTES} bytes): chat frames are small, and a server holds one
 * buffer per connection, idle ones included. A large body does not need a larger buffer: when more of a body is
 * missing than the buffer holds, it is read straight from the stream into the body array.
 *
 * <p>The buffer is this class's own rather than a {@code BufferedInputStream}'s: an idle connection's reader
 * thread waits inside {@link #readFrame()}, and with virtual threads every call on its stack at that moment is
 * kept in the heap, for each idle connection. Here the wait is one call below {@code readFrame}.
 *
 * <p>Not thread-safe: exactly one thread (a connection's reader thread) calls it. {@link #close()} closes
 * the underlying stream.
 */
public final class FrameReader implements AutoCloseable {
    static final int RECV_BUFFER_BYTES = 512;

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] recv = new byte[RECV_BUFFER_BYTES];
    private int start;
    private int end;

    public FrameReader(InputStream in, int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes <= 0: " + maxFrameBytes);
        }
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    public FrameReader(InputStream in) {
        this(in, FieldRules.DEFAULT_MAX_FRAME_BYTES);
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
        if (!bufferHeader()) {
            return null;
        }
        long length = FrameWriter.lengthOf(recv, start);
        if (length == 0) {
            throw new ProtocolException(ErrorCode.FRAME_EMPTY, "frame length is 0; a frame holds 1 or more bytes");
        }
        if (length > maxFrameBytes) {
            throw exceededFrameLength(length);
        }
        start += FrameWriter.HEADER_BYTES;
        byte[] body = new byte[(int) length];
        readBody(body);
        return body;
    }



    /** Reads until the buffer holds a whole header; false at a clean end of stream (nothing buffered). */
    private boolean bufferHeader() throws IOException {
        if (end - start >= FrameWriter.HEADER_BYTES) {
            return true;
        }
        // Move the start of a header cut by the last read to the front: the rest of it lands right behind.
        System.arraycopy(recv, start, recv, 0, end - start);
        end -= start;
        start = 0;
        while (end < FrameWriter.HEADER_BYTES) {
            // Where an idle connection waits.
            int n = in.read(recv, end, recv.length - end);
            if (n < 0) {
                if (end == 0) {
                    return false;
                }
                throw truncated("header", end, FrameWriter.HEADER_BYTES);
            }
            end += n;
        }
        return true;
    }

    /** Fills {@code body} from the buffer, then from the stream: straight into it when much is missing. */
    private void readBody(byte[] body) throws IOException {
        int filled = take(body, 0);
        while (filled < body.length) {
            int missing = body.length - filled;
            boolean straight = missing >= recv.length;
            int n = straight ? in.read(body, filled, missing) : in.read(recv, 0, recv.length);
            if (n < 0) {
                throw truncated("body", filled, body.length);
            }
            if (straight) {
                filled += n;
            } else {
                // take() emptied the buffer; it now holds the rest of this body and maybe the next frames.
                start = 0;
                end = n;
                filled = take(body, filled);
            }
        }
    }

    /** Copies what the buffer holds of {@code body}, from {@code offset} on; returns the new offset. */
    private int take(byte[] body, int offset) {
        int count = Math.min(body.length - offset, end - start);
        System.arraycopy(recv, start, body, offset, count);
        start += count;
        return offset + count;
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
