package lanchat.client.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.FrameWriter;
import lanchat.protocol.MessageCodec;
import lanchat.protocol.Event;
import lanchat.protocol.ProtocolException;

/**
 * Reads frames from a socket into one reusable buffer and hands out each body in place, with no allocation per
 * frame: the recv buffering of {@code lanchat.protocol.FrameReader}, minus its {@code new byte[]} per frame,
 * because a load generator on the same two cores as the server must spend as little CPU as it can per delivery.
 * One {@code read} may bring many frames; a frame split across reads is completed by the next ones.
 *
 * <pre>
 * buffer: [ consumed | frame frame fra | free ]
 *                    ^start            ^end
 * </pre>
 *
 * <p>Not thread-safe: one reader thread. A body's bytes ({@link #buffer()} from {@link #bodyOffset()}) stay
 * valid only until the next {@link #next()}. Does not own the stream.
 */
final class FrameInput {
    private final InputStream in;
    private final int maxFrameBytes;
    private byte[] buffer;
    private int start;
    private int end;
    private int bodyOffset;
    private int bodyLength;

    FrameInput(InputStream in, int initialBufferBytes, int maxFrameBytes) {
        if (initialBufferBytes < FrameWriter.HEADER_BYTES) {
            throw new IllegalArgumentException("initialBufferBytes < 4: " + initialBufferBytes);
        }
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes <= 0: " + maxFrameBytes);
        }
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
        this.buffer = new byte[initialBufferBytes];
    }

    /**
     * Moves to the next frame, reading from the stream as needed.
     *
     * @return false at a clean end of stream (between two frames)
     * @throws ProtocolException when the stream ends inside a frame or a length is out of range
     */
    boolean next() throws IOException {
        if (!fill(FrameWriter.HEADER_BYTES)) {
            return false;
        }
        int length = ((buffer[start] & 0xFF) << 24) | ((buffer[start + 1] & 0xFF) << 16)
                | ((buffer[start + 2] & 0xFF) << 8) | (buffer[start + 3] & 0xFF);
        if (length < 1 || length > maxFrameBytes) {
            throw badLength(length & 0xFFFFFFFFL);
        }
        if (!fill(FrameWriter.HEADER_BYTES + length)) {
            throw new ProtocolException(ErrorCode.TRUNCATED, "stream ended inside a frame of " + length + " bytes");
        }
        bodyOffset = start + FrameWriter.HEADER_BYTES;
        bodyLength = length;
        start = bodyOffset + length;
        return true;
    }

    byte[] buffer() {
        return buffer;
    }

    int bodyOffset() {
        return bodyOffset;
    }

    int bodyLength() {
        return bodyLength;
    }

    /** Decodes the current body with the protocol's strict codec: the slow path, for frames that are rare. */
    Event decodeEvent() throws ProtocolException {
        return MessageCodec.decodeEvent(Arrays.copyOfRange(buffer, bodyOffset, bodyOffset + bodyLength)).message();
    }

    /** Reads until {@code bytes} unread bytes are buffered; false when the stream ends before any of them. */
    private boolean fill(int bytes) throws IOException {
        if (end - start >= bytes) {
            return true;
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
        makeRoom(bytes);
        while (end - start < bytes) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                if (end == start) {
                    return false;
                }
                throw new ProtocolException(ErrorCode.TRUNCATED,
                        "stream ended with " + (end - start) + " bytes of an unfinished frame");
            }
            end += n;
        }
        return true;
    }

    /** Moves the unread bytes to the front, and grows the buffer when one frame needs more than it holds. */
    private void makeRoom(int bytes) {
        if (start + bytes <= buffer.length) {
            return;
        }
        int unread = end - start;
        byte[] target = bytes > buffer.length ? new byte[Math.max(bytes, buffer.length * 2)] : buffer;
        System.arraycopy(buffer, start, target, 0, unread);
        buffer = target;
        start = 0;
        end = unread;
    }

    private ProtocolException badLength(long length) {
        if (length == 0) {
            return new ProtocolException(ErrorCode.FRAME_EMPTY, "frame length is 0");
        }
        return new ProtocolException(ErrorCode.FRAME_TOO_LARGE,
                "frame length " + length + " outside 1.." + maxFrameBytes);
    }
}
