package lanchat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
public class NeutraliserTest {

    @Test
    void plainTextIsReturnedAsItIs() {
        String text = "héllo wörld 👋 <b>&amp;</b> \\ !";
        assertSame(text, Neutraliser.neutralise(text));
    }

    @Test
    void nullStaysNull() {
        assertNull(Neutraliser.neutralise(null));
    }

    @Test
    void windowTitleSequenceBecomesVisibleText() {
        assertEquals("^[]0;pwned^G", Neutraliser.neutralise("\u001b]0;pwned\u0007"));
    }

    @Test
    void clearScreenSequenceBecomesVisibleText() {
        assertEquals("^[[2J^[[H", Neutraliser.neutralise("\u001b[2J\u001b[H"));
    }

    @Test
    void singleCharacterCsiIsReplaced() {
        assertEquals("\uFFFD31mred", Neutraliser.neutralise("\u009b31mred"));
    }

    @Test
    void everyC1ControlIsReplaced() {
        for (char c = 0x80; c <= 0x9F; c++) {
            assertEquals("a\uFFFDb", Neutraliser.neutralise("a" + c + "b"), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void bellBackspaceCarriageReturnNewlineAndDelAreShownInCaretNotation() {
        assertEquals("ding^G", Neutraliser.neutralise("ding\u0007"));
        assertEquals("secret^H^H^H^H^H^Hpublic", Neutraliser.neutralise("secret\b\b\b\b\b\bpublic"));
        assertEquals("fake^Mreal", Neutraliser.neutralise("fake\rreal"));
        assertEquals("one^Jtwo", Neutraliser.neutralise("one\ntwo"));
        assertEquals("del^?", Neutraliser.neutralise("del\u007f"));
        assertEquals("^@nul", Neutraliser.neutralise("\u0000nul"));
    }

    @Test
    void tabBecomesASpace() {
        assertEquals("a b", Neutraliser.neutralise("a\tb"));
    }

    @Test
    void bidiOverridesAndLineSeparatorsAreReplaced() {
        assertEquals("\uFFFDtxt.exe", Neutraliser.neutralise("\u202Etxt.exe"));
        assertEquals("\uFFFDx\uFFFD", Neutraliser.neutralise("\u2066x\u2069"));
        assertEquals("a\uFFFDb\uFFFDc", Neutraliser.neutralise("a\u2028b\u2029c"));
    }

    @Test
    void everyBidiMarkAndControlIsReplaced() {
        int[] bidi = {0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
            0x2069};
        for (int c : bidi) {
            assertEquals("a\uFFFDb", Neutraliser.neutralise("a" + Character.toString(c) + "b"),
                    "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void zeroWidthCharactersAreReplaced() {
        int[] invisible = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x2061, 0x180E};
        for (int c : invisible) {
            assertEquals("ad\uFFFDmin", Neutraliser.neutralise("ad" + Character.toString(c) + "min"),
                    "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void tagCharactersOutsideTheBmpAreReplacedAsOneCharacter() {
        assertEquals("x\uFFFD\uFFFDy", Neutraliser.neutralise("x" + Character.toString(0xE0001)
                + Character.toString(0xE0041) + "y"));
    }

    @Test
    void visibleCharactersOutsideTheBmpStayIntact() {
        String text = "caf\u00e9 \uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD";
        assertSame(text, Neutraliser.neutralise(text));
    }
}
