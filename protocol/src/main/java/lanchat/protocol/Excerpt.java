package lanchat.protocol;

/**
 * The start of an untrusted string, short and printable, for an error message or a log line that quotes what a
 * peer sent. A quoted field can be almost a whole frame long: quoting it in full would make an {@code error}
 * reply that no longer fits in a frame, or a 64 KiB log line. And it can hold control characters that a terminal
 * showing the log would obey.
 *
 * <ul>
 *   <li>At most {@value #MAX_CODE_POINTS} code points (or the count asked for) are kept; a cut string ends in
 *       {@code …} and says how long it was.</li>
 *   <li>Control characters (C0, DEL, C1), the line and paragraph separators and invisible format characters
 *       (bidirectional controls, zero-width characters) become {@code ?}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; every method is static.
 */
public final class Excerpt {
    /** How many code points of a quoted value are kept by default. */
    public static final int MAX_CODE_POINTS = 40;
    private static final char CUT = '\u2026';

    private Excerpt() {
    }

    /** {@code "value"}, or {@code "valu…" (65000 characters)} when it is longer than the default. */
    public static String quoted(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        int length = untrusted.codePointCount(0, untrusted.length());
        String excerpt = of(untrusted, MAX_CODE_POINTS);
        return "\"" + excerpt + "\"" + (length > MAX_CODE_POINTS ? " (" + length + " characters)" : "");
    }

    /** At most {@code maxCodePoints} code points of {@code untrusted}, printable, ending in … when cut. */
    public static String of(String untrusted, int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints < 1: " + maxCodePoints);
        }
        if (untrusted == null) {
            return "null";
        }
        StringBuilder excerpt = new StringBuilder(Math.min(untrusted.length(), maxCodePoints * 2) + 1);
        int kept = 0;
        for (int i = 0; i < untrusted.length(); kept++) {
            if (kept == maxCodePoints) {
                return excerpt.append(CUT).toString();
            }
            int c = untrusted.codePointAt(i);
            excerpt.appendCodePoint(isPrintable(c) ? c : '?');
            i += Character.charCount(c);
        }
        return excerpt.toString();
    }

    private static boolean isPrintable(int c) {
        return !Character.isISOControl(c) && c != '\u2028' && c != '\u2029'
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.SURROGATE;
    }
}
