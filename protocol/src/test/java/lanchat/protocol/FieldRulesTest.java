package lanchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-written checks of {@link FieldRules} accept exactly what the regular expressions and {@code Instant.parse}
 * they replaced accepted, and fail with the same codes and messages.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FieldRulesTest {
    // The checks as they were before, kept as the reference.
    private static final Pattern NICK = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,19}");
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static boolean wasInstant(String ts) {
        try {
            Instant.parse(ts);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Test
    void nickRoomAndTransferIdAcceptWhatTheirRegexAccepted() {
        for (String s : names()) {
            assertEquals(NICK.matcher(s).matches(), FieldRules.isValidNick(s), () -> "nick " + quoted(s));
            assertEquals(ROOM.matcher(s).matches(), FieldRules.isValidRoom(s), () -> "room " + quoted(s));
            assertEquals(TRANSFER_ID.matcher(s).matches(), FieldRules.isValidTransferId(s), () -> "id " + quoted(s));
        }
    }

    @Test
    void sha256AcceptsWhatItsRegexAccepted() {
        String valid = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        List<String> samples = new ArrayList<>(List.of("", valid, valid + "0", valid.substring(1),
                valid.toUpperCase(), "0".repeat(64), "f".repeat(64), "g".repeat(64)));
        for (char c = 0; c < 0x200; c++) {
            samples.add(c + valid.substring(1));
            samples.add(valid.substring(0, 63) + c);
            samples.add(valid.substring(0, 30) + c + valid.substring(31));
        }
        for (String s : samples) {
            assertEquals(SHA256.matcher(s).matches(), isSha256(s), () -> "sha256 " + quoted(s));
        }
    }

    @Test
    void brokenNamesFailWithTheirCodesAndMessages() {
        var nick = assertThrows(FieldException.class, () -> FieldRules.requireNick("to", "9lives"));
        assertEquals(ErrorCode.NICK_INVALID, nick.code());
        assertEquals("to \"9lives\" is not a valid nick: " + FieldRules.NICK_RULE, nick.getMessage());
        var room = assertThrows(FieldException.class, () -> FieldRules.requireRoom("room", "a b"));
        assertEquals(ErrorCode.ROOM_INVALID, room.code());
        assertEquals("room \"a b\" is not a valid room: " + FieldRules.ROOM_RULE, room.getMessage());
        var id = assertThrows(FieldException.class, () -> FieldRules.requireTransferId("id", ""));
        assertEquals(ErrorCode.BAD_FIELD, id.code());
        assertEquals("id \"\" is not a valid transfer id: 1-32 ASCII letters, digits, '_' or '-'", id.getMessage());
        var sha = assertThrows(FieldException.class, () -> FieldRules.requireSha256("sha256", "ABC"));
        assertEquals(ErrorCode.BAD_FIELD, sha.code());
        assertEquals("sha256 \"ABC\" is not a SHA-256 digest: 64 lowercase hexadecimal digits", sha.getMessage());
    }

    @Test
    void timestampsAcceptWhatInstantParseAccepted() {
        for (String ts : timestamps()) {
            assertEquals(wasInstant(ts), isTimestamp(ts), () -> "ts " + quoted(ts));
        }
    }

    @Test
    void mutatedTimestampsAcceptWhatInstantParseAccepted() {
        Random random = new Random(8);
        String alphabet = "0123456789-:.TZtz+ x\u0660";
        for (int i = 0; i < 50_000; i++) {
            char[] ts = "2024-02-29T23:59:59.999Z".toCharArray();
            for (int changes = 1 + random.nextInt(2); changes > 0; changes--) {
                ts[random.nextInt(ts.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(ts);
            assertEquals(wasInstant(s), isTimestamp(s), () -> "ts " + quoted(s));
        }
    }

    @Test
    void aBrokenTimestampFailsWithItsCodeAndMessage() {
        var e = assertThrows(FieldException.class, () -> FieldRules.requireTimestamp("ts", "2026-02-29T10:15:30.123Z"));
        assertEquals(ErrorCode.BAD_FIELD, e.code());
        assertEquals("ts \"2026-02-29T10:15:30.123Z\" is not an ISO-8601 instant", e.getMessage());
        assertTrue(isTimestamp("2024-02-29T10:15:30.123Z"));
        assertTrue(isTimestamp("2024-02-29T10:15:30Z"), "other forms of an instant are accepted too");
    }

    // Every char on its own, at the start, in the middle and at the end of a valid name; lengths around the limits.
    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("", "a", "Z", "0", "_", "-", "a-b_C9", "\ud83d\ude00",
                "a\ud83d\ude00", "é", "aé", "ß", "K", "ǅ", "a\u0000"));
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            names.add(String.valueOf(c));
            if (c < 0x3000) {
                names.add(c + "bc");
                names.add("a" + c + "c");
                names.add("ab" + c);
            }
        }
        for (int length = 0; length <= 40; length++) {
            names.add("a".repeat(length));
            names.add("9".repeat(length));
            names.add("-".repeat(length));
            names.add("a" + "_".repeat(Math.max(0, length - 1)));
        }
        return names;
    }

    private static List<String> timestamps() {
        List<String> samples = new ArrayList<>(List.of("", "Z", "2026-11-24T10:15:30.123Z", "2026-11-24T10:15:30Z",
                "2026-11-24T10:15:30.1Z", "2026-11-24T10:15:30.12Z", "2026-11-24T10:15:30.1234Z",
                "2026-11-24T10:15:30.123456789Z", "2026-11-24T10:15:30.1234567890Z", "2026-11-24T10:15:30.Z",
                "2026-11-24t10:15:30.123z", "2026-11-24 10:15:30.123Z", "2026-11-24T10:15:30.123+01:00",
                "2026-11-24T10:15:30.123+00:00", "2026-11-24T10:15:30.123-05:30", "2026-11-24T10:15:30.123+01",
                "2026-11-24T10:15:30.123+0100", "2026-11-24T10:15:30.123", "2026-11-24T10:15.123Z",
                "2026-11-24T24:00:00.000Z", "2026-11-24T24:00:00Z", "2026-11-24T23:59:60.000Z",
                "2026-11-24T23:59:60Z", "2026-11-24T10:59:60.000Z", "+12026-11-24T10:15:30.123Z",
                "-0001-11-24T10:15:30.123Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
                "10000-12-31T23:59:59.999Z", "2026-11-24T10:15:30.123Z ", " 2026-11-24T10:15:30.123Z",
                "2026-11-24T10:15:30.123ZZ", "2026-1-24T10:15:30.123Z", "２026-11-24T10:15:30.123Z",
                "\u0662026-11-24T10:15:30.123Z", "2026-11-24T10:15:30,123Z", "2026-11-24T10:15:30.12aZ"));
        int[] years = {0, 1, 4, 100, 400, 1900, 1970, 2000, 2023, 2024, 2026, 2100, 9999};
        for (int year : years) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    samples.add(String.format("%04d-%02d-%02dT12:34:56.789Z", year, month, day));
                }
            }
        }
        for (int hour = 0; hour <= 25; hour++) {
            for (int minute = 0; minute <= 61; minute += 1) {
                for (int second : new int[] {0, 1, 30, 58, 59, 60, 61, 99}) {
                    samples.add(String.format("2026-11-24T%02d:%02d:%02d.000Z", hour, minute, second));
                    samples.add(String.format("2026-12-31T%02d:%02d:%02d.999Z", hour, minute, second));
                }
            }
        }
        return samples;
    }

    private static boolean isSha256(String hex) {
        return accepts(s -> FieldRules.requireSha256("sha256", s), hex);
    }

    private static boolean isTimestamp(String ts) {
        return accepts(s -> FieldRules.requireTimestamp("ts", s), ts);
    }

    private static boolean accepts(Consumer<String> check, String s) {
        try {
            check.accept(s);
            return true;
        } catch (FieldException e) {
            return false;
        }
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.append('"').toString();
    }
}
