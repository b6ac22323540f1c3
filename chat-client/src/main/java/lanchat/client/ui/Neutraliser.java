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
 *       and the bidirectional overrides and isolates (which can make text read backwards) become U+FFFD.</li>
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
        for (int i = 0; i < untrusted.length(); i++) {
            appendSafely(safe, untrusted.charAt(i));
        }
        return safe.toString();
    }

    private static boolean isHarmless(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isDangerous(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void appendSafely(StringBuilder safe, char c) {
        if (c == '\t') {
            safe.append(' ');
        } else if (c < 0x20) {
            safe.append('^').append((char) (c + 0x40));
        } else if (c == 0x7F) {
            safe.append("^?");
        } else if (isDangerous(c)) {
            safe.append(REPLACEMENT);
        } else {
            safe.append(c);
        }
    }

    private static boolean isDangerous(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || isBidiControl(c);
    }

    /** The embeddings and overrides U+202A to U+202E and the isolates U+2066 to U+2069. */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
