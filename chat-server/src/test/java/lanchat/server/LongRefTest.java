package lanchat.server;

import lanchat.server.session.Frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.wire.FrameWriter;
import lanchat.protocol.FieldRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attack: a {@code ref} so long that the reply echoing it would not fit in a frame. The server refuses it with
 * {@code bad_field} and no ref, the message takes no seq, and the connection goes on answering.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LongRefTest {
    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void sayWithARefOverTheCapIsRefusedTakesNoSeqAndOthersSeeNoGap() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.registerIn("lobby", "alice");
        TestClient bob = live.registerIn("lobby", "bob");
        alice.expect(Event.Joined.class);
        alice.send(new Command.Say("lobby", "one"));
        assertEquals(1L, alice.expect(Event.Message.class).seq());

        alice.sendRaw(say("lost", "r".repeat(FieldRules.MAX_REF_CODE_POINTS + 1)));
        Envelope<Event> error = alice.expectError(ErrorCode.BAD_FIELD);
        assertNull(error.ref());
        assertEquals("\"ref\" has 65 characters, more than 64; this error carries no ref",
                ((Event.Error) error.message()).message());

        alice.send(new Command.Say("lobby", "two"), "t");
        Envelope<Event> echo = alice.next();
        assertEquals("t", echo.ref());
        assertEquals(2L, assertInstanceOf(Event.Message.class, echo.message()).seq());
        assertEquals(List.of(1L, 2L), bob.sync().stream().map(e -> ((Event.Message) e).seq()).toList());
    }

    @Test
    void aRefFillingAlmostAWholeFrameIsRefusedAndTheReaderGoesOn() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.registerIn("lobby", "alice");
        String hugeRef = "r".repeat(Frames.MAX_FRAME_BYTES - 100);
        alice.sendRaw(say("hi", hugeRef));
        assertNull(alice.expectError(ErrorCode.BAD_FIELD).ref());
        alice.sendRaw(frame("{\"type\":\"jion\",\"ref\":\"" + hugeRef + "\"}"));
        assertNull(alice.expectError(ErrorCode.UNKNOWN_TYPE).ref());
        alice.sendRaw(frame("{\"type\":\"ping\",\"ref\":\"" + hugeRef + "\"}"));
        assertNull(alice.expectError(ErrorCode.BAD_FIELD).ref());
        assertEquals(List.of(), alice.sync());
    }

    @Test
    void aRefAtTheCapIsEchoed() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.registerIn("lobby", "alice");
        String longest = "\uD83D\uDE00".repeat(FieldRules.MAX_REF_CODE_POINTS);
        alice.sendRaw(say("x".repeat(FieldRules.MAX_TEXT_CODE_POINTS), longest));
        Envelope<Event> echo = alice.next();
        assertEquals(longest, echo.ref());
        assertEquals(1L, assertInstanceOf(Event.Message.class, echo.message()).seq());
    }

    private static byte[] say(String text, String ref) {
        return frame("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\"" + text + "\",\"ref\":\"" + ref + "\"}");
    }

    static byte[] frame(String json) {
        return FrameWriter.frame(json.getBytes(StandardCharsets.UTF_8), Frames.MAX_FRAME_BYTES);
    }
}
