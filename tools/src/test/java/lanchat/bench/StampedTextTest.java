package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import lanchat.protocol.Command;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StampedTextTest {

    @Test
    void stampedFrameDecodesToASayWithTheStampAndPayloadLength() throws IOException {
        StampedText text = new StampedText("bench-x1", 40);
        byte[] frame = text.stamp(1_234_567_890L);
        var reader = new FrameReader(new ByteArrayInputStream(frame));
        Command.Say say = (Command.Say) MessageCodec.readCommand(reader).message();
        assertEquals("bench-x1", say.room());
        assertEquals("0000001234567890 " + "x".repeat(23), say.text());
    }

    @Test
    void restampingChangesOnlyTheDigits() {
        StampedText text = new StampedText("r", 16);
        byte[] first = text.stamp(1).clone();
        byte[] second = text.stamp(9_999_999_999_999_999L);
        assertEquals(first.length, second.length);
        String json = new String(second, 4, second.length - 4, StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"say\",\"room\":\"r\",\"text\":\"9999999999999999\",\"action\":false}", json);
    }

    @Test
    void digitsAreZeroPadded() {
        byte[] target = new byte[16];
        StampedText.writeDigits(target, 0, 42);
        assertArrayEquals("0000000000000042".getBytes(StandardCharsets.US_ASCII), target);
    }

    @Test
    void rejectsAStampThatDoesNotFitSixteenDigits() {
        StampedText text = new StampedText("r", 16);
        assertThrows(IllegalArgumentException.class, () -> text.stamp(10_000_000_000_000_000L));
        assertThrows(IllegalArgumentException.class, () -> text.stamp(-1));
    }

    @Test
    void rejectsAPayloadShorterThanTheStamp() {
        assertThrows(IllegalArgumentException.class, () -> new StampedText("r", 15));
    }
}
