package lanchat.protocol.wire;

import java.io.IOException;
import java.io.OutputStream;
import lanchat.protocol.FieldRules;

/**
 * Writes frames to a byte stream. The wire format is drawn in {@code package-info.java}:
 * a 4-byte unsigned big-endian length N, then N bytes of UTF-8 JSON.
 *
 * <p><b>Sendall framing.</b> {@link #frame} builds header and body in one array, and {@link #write} hands that
 * array to a single {@code write} call, which (like C's {@code sendall}) returns only when every byte is
 * written, or throws. A frame is never interleaved with another or left half-sent by this class.
 *
 * <p>Not thread-safe: one writer thread per stream. {@link #close()} closes the underlying stream.
 */
public final class FrameWriter implements AutoCloseable {
    /** Size of the length header in bytes. */
    public static final int HEADER_BYTES = 4;

    private final OutputStream out;
    private final int maxFrameBytes;

    public FrameWriter(OutputStream out, int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes <= 0: " + maxFrameBytes);
        }
        this.out = out;
        this.maxFrameBytes = maxFrameBytes;
    }

    public FrameWriter(OutputStream out) {
        this(out, FieldRules.DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * Returns header + body as one array, ready to be written in one call.
     *
     * @throws IllegalArgumentException when the body is empty or longer than {@code maxFrameBytes}
     */
    public static byte[] frame(byte[] body, int maxFrameBytes) {
        if (body.length == 0) {
            throw new IllegalArgumentException("frame body is empty");
        }
        if (body.length > maxFrameBytes) {
            throw new IllegalArgumentException(
                    "frame length " + body.length + " exceeds maxFrameBytes " + maxFrameBytes);
        }
        byte[] frame = new byte[HEADER_BYTES + body.length];
        frame[0] = (byte) (body.length >>> 24);
        frame[1] = (byte) (body.length >>> 16);
        frame[2] = (byte) (body.length >>> 8);
        frame[3] = (byte) body.length;
        System.arraycopy(body, 0, frame, HEADER_BYTES, body.length);
        return frame;
    }

    /** The unsigned big-endian length in the 4-byte header at {@code bytes[at]}. */
    static long lengthOf(byte[] bytes, int at) {
        return ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFFL) << 16) | ((bytes[at + 2] & 0xFFL) << 8)
                | (bytes[at + 3] & 0xFFL);
    }

    /** Writes one frame with one write call, then flushes. */
    public void write(byte[] body) throws IOException {
        out.write(frame(body, maxFrameBytes));
        out.flush();
    }



    @Override
    public void close() throws IOException {
        out.close();
    }
}
