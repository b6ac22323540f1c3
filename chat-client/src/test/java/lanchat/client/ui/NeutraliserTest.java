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
}
