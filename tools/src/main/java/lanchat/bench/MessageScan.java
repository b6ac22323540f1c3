package lanchat.bench;

import java.util.Arrays;

/**
 * Reads the three fields a receiver needs from a {@code message} event body (its {@code seq}, the stamp at
 * the start of its {@code text}, and whether it is {@code from} a given nick) by scanning the UTF-8 bytes in
 * place. A full decode (JSON tree, records, validation) costs microseconds and garbage per delivery; on the
 * two cores the server also runs on, that would measure the load generator instead of the server. Every other
 * event type is rare and goes through the protocol's strict codec ({@link FrameInput#decodeEvent()}).
 *
 * <p>The keys are matched with their quotes and colon ({@code "seq":}); inside a JSON string a quote is
 * always escaped ({@code \"}), so such a match can only be the key itself. The scans are quick for the field
 * order the server's codec writes ({@code type} first, {@code seq} near the end) and correct for any order.
 * Stateless; thread-safe.
 */
final class MessageScan {
    private static final byte[] TYPE_MESSAGE = StampedText.ascii("\"type\":\"message\"");
    private static final byte[] MESSAGE_START = StampedText.ascii("{\"type\":\"message\"");
    private static final byte[] TEXT = StampedText.ascii("\"text\":\"");
    private static final byte[] SEQ = StampedText.ascii("\"seq\":");
    private static final byte[] FROM = StampedText.ascii("\"from\":\"");

    private MessageScan() {
    }

    /** True when the body is a {@code message} event. */
    static boolean isMessage(byte[] body, int offset, int length) {
        return length >= MESSAGE_START.length
                && Arrays.equals(body, offset, offset + MESSAGE_START.length, MESSAGE_START, 0,
                        MESSAGE_START.length)
                || indexOf(body, offset, offset + length, TYPE_MESSAGE) >= 0;
    }

    /** The {@code seq} of a message body, or -1 when it has none. */
    static long seq(byte[] body, int offset, int length) {
        int at = lastIndexOf(body, offset, offset + length, SEQ);
        if (at < 0) {
            return -1;
        }
        int end = offset + length;
        int i = at + SEQ.length;
        while (i < end && body[i] == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < end && body[i] >= '0' && body[i] <= '9'; i++, digits++) {
            value = value * 10 + (body[i] - '0');
        }
        return digits == 0 ? -1 : value;
    }

    /** The stamp at the start of the text ({@link StampedText}), or -1 when the text does not start with one. */
    static long stamp(byte[] body, int offset, int length) {
        int start = textStart(body, offset, length);
        if (start < 0 || start + StampedText.STAMP_DIGITS > offset + length) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < start + StampedText.STAMP_DIGITS; i++) {
            if (body[i] < '0' || body[i] > '9') {
                return -1;
            }
            value = value * 10 + (body[i] - '0');
        }
        return value;
    }

    /** True when the body's {@code from} is exactly {@code nick} (ASCII bytes, as nicks are). */
    static boolean isFrom(byte[] body, int offset, int length, byte[] nick) {
        int at = indexOf(body, offset, offset + length, FROM);
        if (at < 0) {
            return false;
        }
        int start = at + FROM.length;
        int end = start + nick.length;
        return end < offset + length && body[end] == '"'
                && Arrays.equals(body, start, end, nick, 0, nick.length);
    }

    /** The index of the first byte of the text's value, or -1 when there is no {@code "text":"}. */
    static int textStart(byte[] body, int offset, int length) {
        int at = indexOf(body, offset, offset + length, TEXT);
        return at < 0 ? -1 : at + TEXT.length;
    }

    /**
     * The index of the first occurrence of {@code key} (2 bytes or more) in {@code body[from, to)}, or -1.
     * The second byte is tested first: every key starts with a quote, and quotes are everywhere in JSON.
     */
    static int indexOf(byte[] body, int from, int to, byte[] key) {
        for (int i = from; i <= to - key.length; i++) {
            if (matchesAt(body, i, key)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last occurrence of {@code key} in {@code body[from, to)}, or -1. */
    static int lastIndexOf(byte[] body, int from, int to, byte[] key) {
        for (int i = to - key.length; i >= from; i--) {
            if (matchesAt(body, i, key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesAt(byte[] body, int at, byte[] key) {
        return body[at + 1] == key[1] && body[at] == key[0]
                && Arrays.equals(body, at, at + key.length, key, 0, key.length);
    }
}
