package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MessageScanTest {
    private static final byte[] NICK = "bk3f9a-7".getBytes(StandardCharsets.US_ASCII);

    /** A message event as the server encodes it, inside a larger buffer at an offset, as FrameInput hands it. */
    private static byte[] padded(byte[] body) {
        byte[] buffer = new byte[body.length + 20];
        System.arraycopy(body, 0, buffer, 7, body.length);
        return buffer;
    }

    private static byte[] message(String from, String text, long seq) {
        return MessageCodec.encode(new Event.Message("bench-k3f9a", from, text, false, seq,
                "2026-11-24T10:15:30.123Z", false));
    }

    @Test
    void readsSeqStampAndSenderOfAServerMessage() {
        byte[] body = message("bk3f9a-7", "0000001234567890 xxxx", 123_456_789L);
        byte[] buffer = padded(body);
        assertTrue(MessageScan.isMessage(buffer, 7, body.length));
        assertEquals(123_456_789L, MessageScan.seq(buffer, 7, body.length));
        assertEquals(1_234_567_890L, MessageScan.stamp(buffer, 7, body.length));
        assertTrue(MessageScan.isFrom(buffer, 7, body.length, NICK));
    }

    @Test
    void aNickThatOnlyStartsTheSameIsNotTheSender() {
        byte[] body = message("bk3f9a-77", "0000000000000001", 1);
        assertFalse(MessageScan.isFrom(body, 0, body.length, NICK));
    }

    @Test
    void aTextWithoutStampHasNone() {
        byte[] body = message("bob", "hello there, 12", 5);
        assertEquals(-1, MessageScan.stamp(body, 0, body.length));
        assertEquals(5, MessageScan.seq(body, 0, body.length));
    }

    @Test
    void otherEventsAreNotMessagesEvenWhenTheirTextSaysSo() {
        byte[] body = MessageCodec.encode(new Event.Whisper("bob", "amy", "\"type\":\"message\"",
                "2026-11-24T10:15:30.123Z"));
        assertFalse(MessageScan.isMessage(body, 0, body.length));
    }

    @Test
    void scansStopAtTheBodyEnd() {
        byte[] body = message("bob", "0000000000000009", 5);
        assertEquals(-1, MessageScan.seq(body, 0, 10));
        assertFalse(MessageScan.isMessage(body, 0, 10));
    }
}
