package lanchat.protocol;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The validation rules of every field, in one place. Message records call these from their compact
 * constructors, so an invalid message cannot exist; clients call them to check input before sending it.
 */
public final class FieldRules {
    /** The protocol version this code speaks; {@code hello.protocol} must equal it. */
    public static final int PROTOCOL_VERSION = 1;
    /** Default largest frame body, in bytes. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 65_536;
    public static final int MAX_NICK_CHARS = 20;
    public static final int MAX_ROOM_CHARS = 32;
    public static final int MAX_TEXT_CODE_POINTS = 4_000;
    /** The most file bytes one {@code file-chunk} carries (before base64). */
    public static final int MAX_CHUNK_BYTES = 32_768;
    /** The most chunks of one transfer that may be sent and not yet acknowledged: the flow-control window. */
    public static final int TRANSFER_WINDOW_CHUNKS = 8;
    public static final int MAX_TRANSFER_ID_CHARS = 32;
    public static final int MAX_FILE_NAME_CODE_POINTS = 255;
    /**
     * The longest {@code ref} a frame may carry, in code points. The server copies a ref into its replies, so
     * the cap is what keeps every reply within a frame whatever the request was.
     */
    public static final int MAX_REF_CODE_POINTS = 64;

    /** The nick rule in words, for messages that tell people what to fix. */
    public static final String NICK_RULE = "1-" + MAX_NICK_CHARS
            + " ASCII letters, digits, '_' or '-', starting with a letter";
    /** The room rule in words. */
    public static final String ROOM_RULE = "1-" + MAX_ROOM_CHARS + " ASCII letters, digits, '_' or '-'";

    private static final int SHA256_HEX_DIGITS = 64;
    // Base64 of MAX_CHUNK_BYTES bytes, padding included: checked before anything is decoded.
    private static final int MAX_CHUNK_BASE64_CHARS = (MAX_CHUNK_BYTES + 2) / 3 * 4;

    private FieldRules() {
    }

    // The checks below are plain loops rather than regular expressions: every message the server builds runs
    // them, and a loop over at most a few dozen chars costs next to nothing.

    /** A nick: {@value #MAX_NICK_CHARS} chars at most, ASCII letters, digits, '_' or '-', a letter first. */
    public static boolean isValidNick(String nick) {
        return nick != null && isName(nick, MAX_NICK_CHARS) && isAsciiLetter(nick.charAt(0));
    }

    /** A room: {@value #MAX_ROOM_CHARS} chars at most, ASCII letters, digits, '_' or '-'. */
    public static boolean isValidRoom(String room) {
        return room != null && isName(room, MAX_ROOM_CHARS);
    }

    /** A transfer id: {@value #MAX_TRANSFER_ID_CHARS} chars at most, ASCII letters, digits, '_' or '-'. */
    public static boolean isValidTransferId(String id) {
        return id != null && isName(id, MAX_TRANSFER_ID_CHARS);
    }

    // 1 to maxChars ASCII letters, digits, '_' or '-'.
    private static boolean isName(String s, int maxChars) {
        if (s.isEmpty() || s.length() > maxChars) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSha256Hex(String s) {
        if (s.length() != SHA256_HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiDigit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Why a file name is invalid, or null when it is valid: 1-255 code points, not blank, no control characters.
     * Path separators and {@code ..} are allowed on the wire: a receiver never uses the name as a path as it is.
     */
    public static String fileNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "the name is empty";
        }
        int codePoints = name.codePointCount(0, name.length());
        if (codePoints > MAX_FILE_NAME_CODE_POINTS) {
            return "the name has " + codePoints + " characters, more than " + MAX_FILE_NAME_CODE_POINTS;
        }
        if (name.isBlank()) {
            return "the name is blank";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return String.format("the name contains control character U+%04X", (int) name.charAt(i));
            }
        }
        return null;
    }

    /** True when {@code ref} may be sent: at most {@value #MAX_REF_CODE_POINTS} code points (it may be empty). */
    public static boolean isValidRef(String ref) {
        return ref != null && (ref.length() <= MAX_REF_CODE_POINTS
                || ref.codePointCount(0, ref.length()) <= MAX_REF_CODE_POINTS);
    }

    /** Why the text is invalid, or null when it is valid. */
    public static String textProblem(String text) {
        if (text == null || text.isEmpty()) {
            return "text is empty";
        }
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints > MAX_TEXT_CODE_POINTS) {
            return "text has " + codePoints + " characters, more than " + MAX_TEXT_CODE_POINTS;
        }
        if (text.isBlank()) {
            return "text is blank";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return String.format("text contains control character U+%04X", (int) c);
            }
        }
        return null;
    }

    /** Nicks and rooms are compared case-insensitively: this is the key to compare them by. */
    public static String fold(String nickOrRoom) {
        return nickOrRoom.toLowerCase(java.util.Locale.ROOT);
    }

    static String requireNick(String field, String nick) {
        requirePresent(field, nick);
        if (!isValidNick(nick)) {
            throw new FieldException(ErrorCode.NICK_INVALID, field + " " + Excerpt.quoted(nick)
                    + " is not a valid nick: " + NICK_RULE);
        }
        return nick;
    }

    static String requireRoom(String field, String room) {
        requirePresent(field, room);
        if (!isValidRoom(room)) {
            throw new FieldException(ErrorCode.ROOM_INVALID, field + " " + Excerpt.quoted(room)
                    + " is not a valid room: " + ROOM_RULE);
        }
        return room;
    }

    static String requireText(String field, String text) {
        requirePresent(field, text);
        String problem = textProblem(text);
        if (problem != null) {
            throw new FieldException(ErrorCode.TEXT_INVALID, field + ": " + problem);
        }
        return text;
    }

    static String requireTransferId(String field, String id) {
        requirePresent(field, id);
        if (!isValidTransferId(id)) {
            throw new FieldException(ErrorCode.BAD_FIELD, field + " " + Excerpt.quoted(id)
                    + " is not a valid transfer id: 1-"
                    + MAX_TRANSFER_ID_CHARS + " ASCII letters, digits, '_' or '-'");
        }
        return id;
    }

    static String requireFileName(String field, String name) {
        requirePresent(field, name);
        String problem = fileNameProblem(name);
        if (problem != null) {
            throw new FieldException(ErrorCode.BAD_FIELD, field + ": " + problem);
        }
        return name;
    }

    static String requireSha256(String field, String hex) {
        requirePresent(field, hex);
        if (!isSha256Hex(hex)) {
            throw new FieldException(ErrorCode.BAD_FIELD, field + " " + Excerpt.quoted(hex)
                    + " is not a SHA-256 digest: 64 lowercase hexadecimal digits");
        }
        return hex;
    }

    /** Checks that {@code data} is standard base64 (RFC 4648, padded) of 1 to {@value #MAX_CHUNK_BYTES} bytes. */
    static String requireChunkData(String field, String data) {
        requirePresent(field, data);
        if (data.isEmpty() || data.length() > MAX_CHUNK_BASE64_CHARS || data.length() % 4 != 0) {
            throw badChunk(field, data.length() + " characters, expected 4 to " + MAX_CHUNK_BASE64_CHARS
                    + " and a multiple of 4");
        }
        int decodedBytes;
        try {
            decodedBytes = java.util.Base64.getDecoder().decode(data).length;
        } catch (IllegalArgumentException e) {
            throw badChunk(field, e.getMessage());
        }
        if (decodedBytes > MAX_CHUNK_BYTES) {
            throw badChunk(field, "it decodes to " + decodedBytes + " bytes");
        }
        return data;
    }

    private static FieldException badChunk(String field, String detail) {
        return new FieldException(ErrorCode.BAD_FIELD, field + " is not base64 of 1-" + MAX_CHUNK_BYTES
                + " bytes: " + detail);
    }

    public static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw new FieldException(ErrorCode.BAD_FIELD, "missing field \"" + field + "\"");
        }
        return value;
    }

    static long requireAtLeast(String field, Long value, long min) {
        requirePresent(field, value);
        if (value < min) {
            throw new FieldException(ErrorCode.BAD_FIELD, field + " is " + value + ", expected at least " + min);
        }
        return value;
    }

    /** Checks that {@code ts} is an ISO-8601 instant, as {@link Instant#parse} reads them. */
    static String requireTimestamp(String field, String ts) {
        requirePresent(field, ts);
        if (!isIsoInstant(ts)) {
            throw new FieldException(ErrorCode.BAD_FIELD, field + " " + Excerpt.quoted(ts)
                    + " is not an ISO-8601 instant");
        }
        return ts;
    }

    private static boolean isIsoInstant(String ts) {
        try {
            Instant.parse(ts);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
