package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.wire.FrameWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FrameInputTest {

    /** Hands out at most {@code chunk} bytes per read, as a TCP socket may. */
    private static InputStream chunked(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    /** A channel that hands out at most {@code chunk} bytes per read, as a non-blocking socket may. */
    private static ReadableByteChannel chunkedChannel(byte[] data, int chunk) {
        ByteBuffer source = ByteBuffer.wrap(data);
        return new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer target) {
                if (!source.hasRemaining()) {
                    return -1;
                }
                int n = Math.min(chunk, Math.min(target.remaining(), source.remaining()));
                target.put(source.slice(source.position(), n));
                source.position(source.position() + n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    private static byte[] frames(String... bodies) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String body : bodies) {
            out.write(FrameWriter.frame(body.getBytes(StandardCharsets.UTF_8), 1 << 20));
        }
        return out.toByteArray();
    }

    private static String body(FrameInput input) {
        return new String(input.buffer(), input.bodyOffset(), input.bodyLength(), StandardCharsets.UTF_8);
    }

    private static List<String> readAll(FrameInput input) throws IOException {
        List<String> bodies = new ArrayList<>();
        while (input.next()) {
            bodies.add(body(input));
        }
        return bodies;
    }

    @Test
    void reassemblesFramesSplitIntoOneByteReads() throws IOException {
        byte[] data = frames("{\"a\":1}", "{\"bb\":22}", "x");
        assertEquals(List.of("{\"a\":1}", "{\"bb\":22}", "x"), readAll(new FrameInput(chunked(data, 1), 8, 100)));
    }

    @Test
    void handsOutManyFramesFromOneRead() throws IOException {
        byte[] data = frames("one", "two", "three", "four");
        FrameInput input = new FrameInput(chunked(data, 1 << 20), 64, 100);
        assertEquals(List.of("one", "two", "three", "four"), readAll(input));
    }

    @Test
    void growsForAFrameLargerThanItsBuffer() throws IOException {
        String big = "y".repeat(5_000);
        byte[] data = frames("small", big, "after");
        assertEquals(List.of("small", big, "after"), readAll(new FrameInput(chunked(data, 700), 16, 10_000)));
    }

    @Test
    void nonBlockingReadsHandOutOnlyCompleteFrames() throws IOException {
        byte[] data = frames("first", "y".repeat(300), "third");
        ReadableByteChannel channel = chunkedChannel(data, 7);
        FrameInput input = new FrameInput(null, 16, 1_000);
        List<String> bodies = new ArrayList<>();
        int reads = 0;
        while (input.readFrom(channel) >= 0) {
            reads++;
            while (input.nextBuffered()) {
                bodies.add(body(input));
            }
        }
        assertEquals(List.of("first", "y".repeat(300), "third"), bodies);
        assertFalse(input.holdsPartialFrame());
        assertTrue(reads >= (data.length + 6) / 7, "reads " + reads);
    }

    @Test
    void cleanEndOfStreamBetweenFramesIsFalse() throws IOException {
        FrameInput input = new FrameInput(new ByteArrayInputStream(new byte[0]), 16, 100);
        assertFalse(input.next());
    }

    @Test
    void endOfStreamInsideABodyIsTruncated() throws IOException {
        byte[] data = frames("complete", "cut short");
        byte[] cut = java.util.Arrays.copyOf(data, data.length - 3);
        FrameInput input = new FrameInput(chunked(cut, 5), 16, 100);
        assertTrue(input.next());
        ProtocolException e = assertThrows(ProtocolException.class, input::next);
        assertEquals(ErrorCode.TRUNCATED, e.code());
    }

    @Test
    void rejectsALengthOverTheLimitBeforeReadingTheBody() {
        byte[] header = {0, 0, 1, 0};
        FrameInput input = new FrameInput(new ByteArrayInputStream(header), 16, 100);
        ProtocolException e = assertThrows(ProtocolException.class, input::next);
        assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code());
        assertEquals("frame length 256 outside 1..100", e.getMessage());
    }

    @Test
    void rejectsAnEmptyFrame() {
        FrameInput input = new FrameInput(new ByteArrayInputStream(new byte[4]), 16, 100);
        assertEquals(ErrorCode.FRAME_EMPTY, assertThrows(ProtocolException.class, input::next).code());
    }
}
