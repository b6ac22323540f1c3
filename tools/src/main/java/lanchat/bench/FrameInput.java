package lanchat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;

/**
 * Reads frames into one reusable buffer and hands out each body in place, with no allocation per frame: the
 * recv buffering of {@code lanchat.protocol.FrameReader}, minus its {@code new byte[]} per frame, because a
 * load generator on the same two cores as the server must spend as little CPU as it can per delivery. One
 * read may bring many frames; a frame split across reads is completed by the next ones.
 *
 * <pre>
 * buffer: [ consumed | frame frame fra | free ]
 *                    ^start            ^end
 * </pre>
 *
 * Two ways to use it: {@link #next()} blocks on the stream given at construction (handshakes, idle clients);
 * {@link #readFrom} reads once from a non-blocking channel and {@link #nextBuffered()} hands out what is
 * complete (the {@link ReceiveLoop}).
 *
 * <p>Not thread-safe: one reader thread at a time. A body's bytes ({@link #buffer()} from {@link
 * #bodyOffset()}) stay valid only until the next call. Does not own the stream or channel.
 */
final class FrameInput {
    private final InputStream in;
    private final int maxFrameBytes;
    private byte[] buffer;
    private ByteBuffer view;
    private int start;
    private int end;
    private int bodyOffset;
    private int bodyLength;

    /** @param in the stream {@link #next()} blocks on; may be null when only {@link #readFrom} is used */
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
        this.view = ByteBuffer.wrap(buffer);
    }

    /**
     * Moves to the next frame, blocking on the stream as needed.
     *
     * @return false at a clean end of stream (between two frames)
     * @throws ProtocolException when the stream ends inside a frame or a length is out of range
     */
    boolean next() throws IOException {
        while (!nextBuffered()) {
            makeRoom();
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                return endOfStream();
            }
            end += n;
        }
        return true;
    }

    /**
     * Reads once from {@code channel} (non-blocking: may read nothing) into the buffer.
     *
     * @return bytes read, or -1 at end of stream
     */
    int readFrom(ReadableByteChannel channel) throws IOException {
        makeRoom();
        view.limit(buffer.length).position(end);
        int n = channel.read(view);
        if (n > 0) {
            end += n;
        }
        return n;
    }

    /**
     * Moves to the next frame if it is complete in the buffer, without reading.
     *
     * @return false when the buffer holds no complete frame (yet)
     * @throws ProtocolException when a length is out of range
     */
    boolean nextBuffered() throws ProtocolException {
        if (end - start < FrameWriter.HEADER_BYTES) {
            return false;
        }
        int length = lengthAt(start);
        if (end - start < FrameWriter.HEADER_BYTES + length) {
            return false;
        }
        bodyOffset = start + FrameWriter.HEADER_BYTES;
        bodyLength = length;
        start = bodyOffset + length;
        return true;
    }

    /** True when bytes of an unfinished frame are buffered: an end of stream now would cut a frame. */
    boolean holdsPartialFrame() {
        return end > start;
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
        byte[] body = Arrays.copyOfRange(buffer, bodyOffset, bodyOffset + bodyLength);
        return MessageCodec.decodeEvent(body).message();
    }

    private boolean endOfStream() throws ProtocolException {
        if (holdsPartialFrame()) {
            throw new ProtocolException(ErrorCode.TRUNCATED,
                    "stream ended with " + (end - start) + " bytes of an unfinished frame");
        }
        return false;
    }

    private int lengthAt(int at) throws ProtocolException {
        int length = ((buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16)
                | ((buffer[at + 2] & 0xFF) << 8) | (buffer[at + 3] & 0xFF);
        if (length < 1 || length > maxFrameBytes) {
            throw badLength(length & 0xFFFFFFFFL);
        }
        return length;
    }

    /**
     * Before a read: starts over when everything is consumed, moves an unfinished frame to the front when the
     * free space is short, and grows the buffer when that frame is larger than the whole buffer.
     */
    private void makeRoom() throws ProtocolException {
        if (start == end) {
            start = 0;
            end = 0;
            return;
        }
        int unread = end - start;
        int needed = unread >= FrameWriter.HEADER_BYTES ? FrameWriter.HEADER_BYTES + lengthAt(start) : unread + 1;
        if (start + needed <= buffer.length && end < buffer.length) {
            return;
        }
        byte[] target = needed > buffer.length ? new byte[Math.max(needed, buffer.length * 2)] : buffer;
        System.arraycopy(buffer, start, target, 0, unread);
        if (target != buffer) {
            buffer = target;
            view = ByteBuffer.wrap(buffer);
        }
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
