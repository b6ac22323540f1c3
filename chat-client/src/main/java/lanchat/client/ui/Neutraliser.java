package lanchat.client.ui;

/**
 * Makes text from the network safe to print on a terminal. A terminal obeys control characters and escape
 * sequences wherever they appear, so a nick, a message or a quit reason containing {@code ESC ] 0 ; … BEL}
 * would change the window title, {@code ESC [ 2 J} would clear the screen, a bell would ring, {@code CR} or
 * backspace would overwrite what was printed before. Everything another peer sent passes through here before
 * it is shown.
 *
 * <ul>
 *   <li>C0 controls and DEL are shown in caret notation, as {@code cat -v} does: ESC becomes {@code ^[},
 *       BEL {@code ^G}, CR {@code ^M}, DEL {@code ^?}. The escape sequence is then harmless, visible text.</li>
 *   <li>A tab becomes one space.</li>
 *   <li>C1 controls (U+0080 to U+009F, e.g. U+009B, the one-character CSI), the line and paragraph separators,
 *       and every invisible format character (Unicode category Cf) become U+FFFD. Format characters include the
 *       bidirectional marks, embeddings, overrides and isolates (U+200E, U+200F, U+061C, U+202A to U+202E,
 *       U+2066 to U+2069), which can make text read backwards, and the zero-width ones (U+200B to U+200D,
 *       U+2060, U+FEFF, the tag characters), which can make two different texts look the same. An emoji joined
 *       with U+200D shows as its parts around a U+FFFD: a fair price for text that cannot lie.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Neutraliser {
    static final char REPLACEMENT = '\uFFFD';

    private Neutraliser() {
    }

    /** The text with every control character made visible and inert; null stays null. */
    static String neutralise(String untrusted) {
        if (untrusted == null || isHarmless(untrusted)) {
            return untrusted;
        }
        StringBuilder safe = new StringBuilder(untrusted.length() + 8);
        untrusted.codePoints().forEach(c -> appendSafely(safe, c));
        return safe.toString();
    }

    private static boolean isHarmless(String text) {
        return text.codePoints().noneMatch(Neutraliser::isDangerous);
    }

    private static void appendSafely(StringBuilder safe, int c) {
        if (c == '\t') {
            safe.append(' ');
        } else if (c < 0x20) {
            safe.append('^').append((char) (c + 0x40));
        } else if (c == 0x7F) {
            safe.append("^?");
        } else if (isDangerous(c)) {
            safe.append(REPLACEMENT);
        } else {
            safe.appendCodePoint(c);
        }
    }

    private static boolean isDangerous(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.FORMAT;
    }
}
