package lanchat.protocol;

import java.util.regex.Pattern;

/**
 * The validation rules of every field, in one place. Message records call these from their compact
 * constructors, so an invalid message cannot exist; clients call them to check input before sending it.
 */
public final class Rules {
    /** The protocol version this code speaks; {@code hello.protocol} must equal it. */
    public static final int PROTOCOL_VERSION = 1;
    /** Default largest frame body, in bytes. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 65_536;
    public static final int MAX_NICK_CHARS = 20;
    public static final int MAX_ROOM_CHARS = 32;
    public static final int MAX_TEXT_CODE_POINTS = 4_000;

    private static final Pattern NICK = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,19}");
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private Rules() {
    }

    public static boolean isValidNick(String nick) {
        return nick != null && NICK.matcher(nick).matches();
    }

    public static boolean isValidRoom(String room) {
        return room != null && ROOM.matcher(room).matches();
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
            throw new FieldException(ErrorCode.NICK_INVALID, field + " \"" + nick + "\" is not a valid nick: 1-"
                    + MAX_NICK_CHARS + " ASCII letters, digits, '_' or '-', starting with a letter");
        }
        return nick;
    }

    static String requireRoom(String field, String room) {
        requirePresent(field, room);
        if (!isValidRoom(room)) {
            throw new FieldException(ErrorCode.ROOM_INVALID, field + " \"" + room + "\" is not a valid room: 1-"
                    + MAX_ROOM_CHARS + " ASCII letters, digits, '_' or '-'");
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

    static <T> T requirePresent(String field, T value) {
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

    static String requireTimestamp(String field, String ts) {
        requirePresent(field, ts);
        try {
            java.time.Instant.parse(ts);
        } catch (java.time.format.DateTimeParseException e) {
            throw new FieldException(ErrorCode.BAD_FIELD, field + " \"" + ts + "\" is not an ISO-8601 instant");
        }
        return ts;
    }
}
