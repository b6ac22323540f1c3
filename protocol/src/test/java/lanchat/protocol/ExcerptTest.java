package lanchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ExcerptTest {
    @Test
    void shortPrintableTextIsQuotedAsItIs() {
        assertEquals("\"jion\"", Excerpt.quoted("jion"));
        assertEquals("\"" + "a".repeat(40) + "\"", Excerpt.quoted("a".repeat(40)));
    }

    @Test
    void longTextIsCutAndSaysHowLongItWas() {
        assertEquals("\"" + "a".repeat(40) + "\u2026\" (41 characters)", Excerpt.quoted("a".repeat(41)));
        assertEquals("\"" + "b".repeat(40) + "\u2026\" (65000 characters)", Excerpt.quoted("b".repeat(65_000)));
    }

    @Test
    void controlAndInvisibleCharactersBecomeQuestionMarks() {
        assertEquals("?[2J?]0;x???a?b?c?d", Excerpt.of("\u001b[2J\u009b]0;x\u0007\r\na\u202Eb\u200Bc\u2028d", 40));
    }

    @Test
    void cutsWholeCodePointsNeverHalfASurrogatePair() {
        String faces = "\uD83D\uDE00".repeat(5);
        assertEquals("\uD83D\uDE00\uD83D\uDE00\u2026", Excerpt.of(faces, 2));
        assertEquals("?x", Excerpt.of("\uD800x", 40), "a lone surrogate is not printable");
    }
}
