package lanchat.client.ui;

import lanchat.protocol.FieldRules;
import org.jline.utils.AttributedStyle;

/**
 * Gives every nick a colour of its own that stays the same across lines, runs and machines: the colour is
 * picked by the nick's {@link String#hashCode()} (whose formula the Java specification fixes), folded to lower
 * case as nicks are compared. Red is left out: it marks errors.
 *
 * <p>Stateless and thread-safe.
 */
public final class NickColours {
    /** Green, yellow, blue, magenta, cyan, and their bright variants: readable on dark and light backgrounds. */
    private static final int[] PALETTE = {
        AttributedStyle.GREEN, AttributedStyle.YELLOW, AttributedStyle.BLUE, AttributedStyle.MAGENTA,
        AttributedStyle.CYAN, AttributedStyle.BRIGHT | AttributedStyle.GREEN,
        AttributedStyle.BRIGHT | AttributedStyle.YELLOW, AttributedStyle.BRIGHT | AttributedStyle.BLUE,
        AttributedStyle.BRIGHT | AttributedStyle.MAGENTA, AttributedStyle.BRIGHT | AttributedStyle.CYAN,
    };

    private NickColours() {
    }

    /** The ANSI colour index (0-15) of this nick. */
    static int colourOf(String nick) {
        return PALETTE[Math.floorMod(FieldRules.fold(nick).hashCode(), PALETTE.length)];
    }
}
