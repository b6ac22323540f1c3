package lanchat.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.json.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FrameReaderTest {

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] header(long length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    @Test
    void reassemblesFrameDeliveredOneByteAtATime() throws IOException {
        byte[] body = body("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"one byte at a time\"}");
        var in = new ChunkedInputStream(FrameWriter.frame(body, 65_536), 1);
        var reader = new FrameReader(in);

        assertArrayEquals(body, reader.readFrame());
        assertNull(reader.readFrame());
        assertTrue(in.reads() > body.length, "the reader had to loop over many partial reads");
    }

    @Test
    void splitsThreeFramesDeliveredInOneRead() throws IOException {
        byte[] a = body("{\"type\":\"ping\"}");
        byte[] b = body("{\"type\":\"join\",\"room\":\"lobby\"}");
        byte[] c = body("{\"type\":\"quit\"}");
        byte[] all = concat(FrameWriter.frame(a, 100), FrameWriter.frame(b, 100), FrameWriter.frame(c, 100));
        var in = new ChunkedInputStream(all, all.length);
        var reader = new FrameReader(in);

        assertArrayEquals(a, reader.readFrame());
        assertArrayEquals(b, reader.readFrame());
        assertArrayEquals(c, reader.readFrame());
        assertNull(reader.readFrame());
    }

    @Test
    void reassemblesFramesSplitAcrossReadsAtOddBoundaries() throws IOException {
        byte[] a = body("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"first\"}");
        byte[] b = body("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"second\"}");
        byte[] all = concat(FrameWriter.frame(a, 100), FrameWriter.frame(b, 100));
        for (int chunk = 1; chunk <= all.length; chunk++) {
            var reader = new FrameReader(new ChunkedInputStream(all, chunk));
            assertArrayEquals(a, reader.readFrame(), "chunk " + chunk);
            assertArrayEquals(b, reader.readFrame(), "chunk " + chunk);
            assertNull(reader.readFrame(), "chunk " + chunk);
        }
    }

    @Test
    void readsBodiesLargerThanTheRecvBufferBetweenSmallFrames() throws IOException {
        byte[] small = body("{\"type\":\"ping\"}");
        byte[] large = body("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"" + "x".repeat(3000) + "\"}");
        byte[] all = concat(FrameWriter.frame(small, 65_536), FrameWriter.frame(large, 65_536),
                FrameWriter.frame(small, 65_536));
        int buffer = FrameReader.RECV_BUFFER_BYTES;
        for (int chunk : new int[] {1, 7, buffer - 1, buffer, buffer + 1, 2 * buffer + 3, all.length}) {
            var reader = new FrameReader(new ChunkedInputStream(all, chunk));
            assertArrayEquals(small, reader.readFrame(), "chunk " + chunk);
            assertArrayEquals(large, reader.readFrame(), "chunk " + chunk);
            assertArrayEquals(small, reader.readFrame(), "chunk " + chunk);
            assertNull(reader.readFrame(), "chunk " + chunk);
        }
    }

    @Test
    void acceptsFrameOfExactlyMaxBytesAndRejectsOneMore() throws IOException {
        int max = 64;
        byte[] exact = new byte[max];
        java.util.Arrays.fill(exact, (byte) ' ');
        assertArrayEquals(exact, new FrameReader(new ByteArrayInputStream(concat(header(max), exact)), max)
                .readFrame());

        var tooLarge = assertThrows(ProtocolException.class,
                () -> new FrameReader(new ByteArrayInputStream(concat(header(max + 1), exact, exact)), max)
                        .readFrame());
        assertEquals(ErrorCode.FRAME_TOO_LARGE, tooLarge.code());
        assertEquals("frame length 65 exceeds maxFrameBytes 64", tooLarge.getMessage());
    }

    @Test
    void rejectsZeroLength() {
        var e = assertThrows(ProtocolException.class,
                () -> new FrameReader(new ByteArrayInputStream(header(0))).readFrame());
        assertEquals(ErrorCode.FRAME_EMPTY, e.code());
        assertTrue(e.closesConnection());
    }

    @Test
    void rejectsHugeDeclaredLengthWithoutAllocatingOrReadingIt() {
        for (long length : new long[] {1L << 31, 0xFFFF_FFFFL, 65_537}) {
            // A stream that fails the test if anyone tries to read the body.
            InputStream in = new InputStream() {
                private final ByteArrayInputStream head = new ByteArrayInputStream(header(length));

                @Override
                public int read() {
                    int b = head.read();
                    if (b < 0) {
                        throw new AssertionError("read past the header of a frame that should be rejected");
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    int n = head.read(b, off, len);
                    if (n < 0) {
                        throw new AssertionError("read past the header of a frame that should be rejected");
                    }
                    return n;
                }
            };
            long freeBefore = Runtime.getRuntime().freeMemory();
            var e = assertThrows(ProtocolException.class, () -> new FrameReader(in).readFrame());
            assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code(), "length " + length);
            assertEquals("frame length " + length + " exceeds maxFrameBytes 65536", e.getMessage());
            assertTrue(Runtime.getRuntime().freeMemory() > freeBefore - 16_000_000, "no large buffer allocated");
        }
    }

    @Test
    void cleanEndOfStreamBetweenFramesIsNotAnError() throws IOException {
        assertNull(new FrameReader(new ByteArrayInputStream(new byte[0])).readFrame());
    }

    @Test
    void endOfStreamInsideTheHeaderIsTruncated() {
        var e = assertThrows(ProtocolException.class,
                () -> new FrameReader(new ChunkedInputStream(new byte[] {0, 0, 1}, 1)).readFrame());
        assertEquals(ErrorCode.TRUNCATED, e.code());
        assertEquals("stream ended inside a frame header: got 3 of 4 bytes", e.getMessage());
    }

    @Test
    void endOfStreamInsideTheBodyIsTruncated() {
        byte[] partial = concat(header(20), body("{\"type\":"));
        var e = assertThrows(ProtocolException.class,
                () -> new FrameReader(new ChunkedInputStream(partial, 3)).readFrame());
        assertEquals(ErrorCode.TRUNCATED, e.code());
        assertEquals("stream ended inside a frame body: got 8 of 20 bytes", e.getMessage());
    }

    @Test
    void contentErrorLeavesTheStreamReadyForTheNextFrame() throws IOException {
        byte[] bad = FrameWriter.frame(body("{\"type\":\"jion\"}"), 100);
        byte[] good = FrameWriter.frame(body("{\"type\":\"ping\"}"), 100);
        var reader = new FrameReader(new ChunkedInputStream(concat(bad, good), 5));

        var e = assertThrows(ProtocolException.class, () -> MessageCodec.readCommand(reader));
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
        assertEquals(new Command.Ping(), MessageCodec.readCommand(reader).message());
        assertNull(MessageCodec.readCommand(reader));
    }

    @Test
    void rejectsNonPositiveLimit() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new FrameReader(new ByteArrayInputStream(new byte[0]), 0));
        assertEquals("maxFrameBytes <= 0: 0", e.getMessage());
    }
}
