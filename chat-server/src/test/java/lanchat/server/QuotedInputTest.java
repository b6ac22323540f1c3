package lanchat.server;

import lanchat.server.session.Frames;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attack: a value almost a frame long in a field the error message quotes. The error quotes an excerpt, fits
 * in a frame, carries the frame's ref, and the connection goes on answering.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QuotedInputTest {
    private static final String HUGE = "x".repeat(Frames.MAX_FRAME_BYTES - 100);
    private static final String EXCERPT = "\"" + "x".repeat(40) + "\u2026\" (" + HUGE.length() + " characters)";

    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void hugeUnknownTypeBeforeHelloIsQuotedAsAnExcerpt() throws Exception {
        live = LiveServer.start();
        TestClient client = live.connect();
        client.sendRaw(LongRefTest.frame("{\"type\":\"" + HUGE + "\",\"ref\":\"u\"}"));
        var error = client.expectError(ErrorCode.UNKNOWN_TYPE);
        assertEquals("u", error.ref());
        assertEquals("unknown message type " + EXCERPT + "; known: hello, nick, join, leave, say, whisper, who, "
                + "rooms, ping, pong, quit, file-offer, file-accept, file-reject, file-chunk, file-ack, file-done, "
                + "file-cancel", ((Event.Error) error.message()).message());
        client.sendRaw(LongRefTest.frame("{\"type\":\"hello\",\"nick\":\"" + HUGE + "\",\"protocol\":1}"));
        assertEquals("nick " + EXCERPT + " is not a valid nick: " + FieldRules.NICK_RULE,
                ((Event.Error) client.expectError(ErrorCode.NICK_INVALID).message()).message());
    }

    @Test
    void hugeInvalidNamesAreRefusedWithTheirCodesAndTheSessionGoesOn() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.registerIn("lobby", "alice");
        alice.sendRaw(LongRefTest.frame("{\"type\":\"join\",\"room\":\"" + HUGE + "\",\"ref\":\"j\"}"));
        assertEquals("room " + EXCERPT + " is not a valid room: " + FieldRules.ROOM_RULE,
                ((Event.Error) alice.expectError(ErrorCode.ROOM_INVALID).message()).message());
        alice.sendRaw(LongRefTest.frame("{\"type\":\"whisper\",\"to\":\"" + HUGE + "\",\"text\":\"hi\"}"));
        alice.expectError(ErrorCode.NICK_INVALID);
        alice.sendRaw(LongRefTest.frame("{\"type\":\"file-accept\",\"id\":\"" + HUGE + "\"}"));
        alice.expectError(ErrorCode.BAD_FIELD);
        alice.sendRaw(LongRefTest.frame("{\"type\":\"ping\",\"x\":{\"" + HUGE + "\":[1]}}"));
        assertEquals(List.of(new Event.Pong()), alice.sync());
    }
}
