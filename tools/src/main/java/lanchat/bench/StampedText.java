package lanchat.bench;

import java.nio.charset.StandardCharsets;
import lanchat.protocol.Command;
import lanchat.protocol.FieldRules;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;

/**
 * One sender's {@code say} frame, encoded once by the protocol's codec and then re-stamped in place before
 * each send: the text starts with the message's scheduled send time as 16 decimal digits (nanoseconds since
 * the run's {@link RunClock} origin), padded with {@code x} to the payload size.
 *
 * <pre>
 * {"type":"say","room":"bench-k3f9a","text":"0000001234567890 xxxxxxxx...","action":false}
 *                                           ^ 16 digits, rewritten for every message
 * </pre>
 *
 * <p>Receivers find the stamp again with {@link MessageScan#stamp}: the server copies the text verbatim into
 * the {@code message} event. Stamping the <em>scheduled</em> time rather than the actual one means a sender
 * that falls behind adds its delay to the latency instead of hiding it (no coordinated omission).
 *
 * <p>Not thread-safe: owned by the {@link Pacer} thread. The frame is shared with the socket write, so it
 * must not be re-stamped until that write returns (a blocking socket write has copied it by then).
 */
final class StampedText {
    /** Digits of the stamp; 10^16 ns is 115 days. */
    static final int STAMP_DIGITS = 16;
    static final int MIN_PAYLOAD_CHARS = STAMP_DIGITS;

    private final byte[] frame;
    private final int stampOffset;

    StampedText(String room, int payloadChars) {
        if (payloadChars < MIN_PAYLOAD_CHARS || payloadChars > FieldRules.MAX_TEXT_CODE_POINTS) {
            throw new IllegalArgumentException("payloadChars outside " + MIN_PAYLOAD_CHARS + ".."
                    + FieldRules.MAX_TEXT_CODE_POINTS + ": " + payloadChars);
        }
        String text = "0".repeat(STAMP_DIGITS) + (payloadChars > STAMP_DIGITS ? " " : "")
                + "x".repeat(Math.max(0, payloadChars - STAMP_DIGITS - 1));
        byte[] body = MessageCodec.encode(new Command.Say(room, text));
        this.frame = FrameWriter.frame(body, FieldRules.DEFAULT_MAX_FRAME_BYTES);
        this.stampOffset = FrameWriter.HEADER_BYTES + MessageScan.textStart(body, 0, body.length);
    }

    /** Writes {@code stampNanos} (0 to 10^16 - 1) into the frame and returns the frame, ready to send. */
    byte[] stamp(long stampNanos) {
        writeDigits(frame, stampOffset, stampNanos);
        return frame;
    }

    int frameBytes() {
        return frame.length;
    }

    /** Writes {@code value} as exactly {@link #STAMP_DIGITS} zero-padded decimal digits at {@code offset}. */
    static void writeDigits(byte[] target, int offset, long value) {
        if (value < 0 || value >= 10_000_000_000_000_000L) {
            throw new IllegalArgumentException("stamp outside 0..10^16-1: " + value);
        }
        long rest = value;
        for (int i = offset + STAMP_DIGITS - 1; i >= offset; i--) {
            target[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
