package lanchat.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.json.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FrameWriterTest {

    @Test
    void writesHeaderAndBodyInOneWriteCall() throws IOException {
        List<byte[]> writes = new ArrayList<>();
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("single-byte write");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(java.util.Arrays.copyOfRange(b, off, off + len));
            }
        };
        new FrameWriter(recording).write(MessageCodec.encode(new Command.Ping()));

        assertEquals(1, writes.size());
        assertEquals("0000000f" + HexFormat.of().formatHex("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8)),
                HexFormat.of().formatHex(writes.get(0)));
    }

    @Test
    void writtenFramesReadBackIdentically() throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = new FrameWriter(out);
        var say = new Command.Say("lobby", "日本語のテキスト 🎉", true);
        writer.write(MessageCodec.encode(say, "r1"));
        writer.write(MessageCodec.encode(new Command.Quit(null), null));

        var reader = new FrameReader(new ChunkedInputStream(out.toByteArray(), 3));
        assertEquals(new Envelope<Command>(say, "r1"), MessageCodec.readCommand(reader));
        assertEquals(new Envelope<Command>(new Command.Quit(null), null), MessageCodec.readCommand(reader));
    }

    @Test
    void refusesFrameOverTheLimit() {
        var writer = new FrameWriter(new ByteArrayOutputStream(), 10);
        var e = assertThrows(IllegalArgumentException.class,
                () -> writer.write("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("frame length 15 exceeds maxFrameBytes 10", e.getMessage());
    }

    @Test
    void refusesEmptyBody() {
        assertThrows(IllegalArgumentException.class, () -> FrameWriter.frame(new byte[0], 10));
    }

    @Test
    void headerIsUnsignedBigEndian() {
        byte[] frame = FrameWriter.frame(new byte[258], 1000);
        assertArrayEquals(new byte[] {0, 0, 1, 2}, java.util.Arrays.copyOf(frame, 4));
    }
}
