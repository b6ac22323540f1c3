package lanchat.protocol.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a server's key, as {@code ssh} shows it: {@code SHA256:} and the unpadded base64 of the SHA-256 of
 * the key's SubjectPublicKeyInfo (what {@link PublicKey#getEncoded()} returns). It names the key, not the
 * certificate, so a renewed certificate for the same key keeps its fingerprint. {@link #grouped()} splits the
 * same characters into groups of four for reading aloud. Immutable; any thread.
 *
 * @param text {@code SHA256:} followed by 43 base64 characters
 */
public record Fingerprint(String text) {
    /** What {@link #parse} accepts, for messages. */
    public static final String FORMAT = "SHA256: followed by 43 base64 characters";
    private static final String PREFIX = "SHA256:";
    private static final Pattern SHAPE = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");
    private static final int GROUP = 4;

    public Fingerprint {
        Objects.requireNonNull(text, "text");
        if (!SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("fingerprint \"" + text + "\" is not " + FORMAT);
        }
    }

    /** The fingerprint of {@code key}. */
    public static Fingerprint of(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return new Fingerprint(PREFIX + Base64.getEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A fingerprint as typed: {@code SHA256:...}, or the grouped form with spaces (which are dropped).
     *
     * @throws IllegalArgumentException naming the expected format
     */
    public static Fingerprint parse(String typed) {
        String compact = typed.strip().replace(" ", "");
        return new Fingerprint(compact.startsWith(PREFIX) ? compact : PREFIX + compact);
    }

    /** The base64 in groups of four, for reading aloud: {@code K3xq 9Pzr ... 5Qw}. */
    public String grouped() {
        String base64 = text.substring(PREFIX.length());
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < base64.length(); i += GROUP) {
            if (i > 0) {
                groups.append(' ');
            }
            groups.append(base64, i, Math.min(base64.length(), i + GROUP));
        }
        return groups.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
