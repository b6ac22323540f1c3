package lanchat.client.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Makes the name a sender suggested safe to save under, and finds a free place for it. The name came over the
 * network: it may be {@code ../../etc/passwd}, contain control characters, be a Windows device name or be far
 * too long. {@link #of} keeps only a plain file name; {@link #place} never overwrites anything.
 *
 * <ul>
 *   <li>Only the last path component is kept: {@code /} and {@code \} both separate ({@code a/b} becomes
 *       {@code b}, {@code ../../etc/passwd} becomes {@code passwd}).</li>
 *   <li>Control characters, line separators and invisible format characters (Unicode category Cf: the
 *       bidirectional controls, the zero-width ones such as U+200B and U+FEFF, soft hyphens, tags) are dropped; {@code < > : " | ? *}
 *       (not allowed on Windows) become {@code _}.</li>
 *   <li>Leading and trailing dots and spaces go: no hidden files, no {@code .} or {@code ..}, nothing Windows
 *       would trim. Windows device names ({@code CON}, {@code nul.txt}, {@code COM1}, …) get a {@code _} in
 *       front.</li>
 *   <li>At most {@value #MAX_NAME_BYTES} bytes of UTF-8, cut in the stem so the extension stays; room is left
 *       for a {@code " (12)"} suffix within the usual 255-byte limit of file systems.</li>
 *   <li>Whatever is left empty becomes {@value #FALLBACK}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeFileName {
    /** The longest safe name, in bytes of UTF-8. */
    public static final int MAX_NAME_BYTES = 200;
    /** The name of a file whose suggested name had nothing usable left. */
    public static final String FALLBACK = "file";
    private static final int MAX_EXTENSION_CHARS = 16;
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?", Pattern.CASE_INSENSITIVE);

    private SafeFileName() {
    }

    /** The suggested name made safe: a single, plain, bounded file name (never empty, never "." or ".."). */
    public static String of(String suggested) {
        String name = lastComponent(suggested == null ? "" : suggested);
        name = withoutDangerousCharacters(name);
        name = trimDotsAndSpaces(name);
        if (WINDOWS_DEVICE.matcher(name).matches()) {
            name = "_" + name;
        }
        name = bounded(name);
        return name.isEmpty() ? FALLBACK : name;
    }

    /**
     * Moves {@code temporary} into {@code folder} under {@code safeName}, or {@code "stem (1).ext"},
     * {@code "stem (2).ext"}, … when that is taken. Never overwrites: each candidate is first created empty and
     * exclusively, then the temporary file replaces that empty file in one atomic rename.
     *
     * @return where the file now is
     */
    public static Path place(Path temporary, Path folder, String safeName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path target = folder.resolve(numbered(safeName, attempt));
            if (!folder.equals(target.getParent())) {
                throw new IOException("refusing to save outside " + folder + ": " + target);
            }
            try {
                Files.createFile(target);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try {
                replace(temporary, target);
            } catch (IOException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            return target;
        }
    }

    /** Replaces our own empty placeholder; a rename within one folder is atomic on every common file system. */
    private static void replace(Path temporary, Path placeholder) throws IOException {
        try {
            Files.move(temporary, placeholder, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, placeholder, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code "report.pdf"}, then {@code "report (1).pdf"}, {@code "report (2).pdf"}, … */
    static String numbered(String name, int attempt) {
        if (attempt == 0) {
            return name;
        }
        int dot = extensionStart(name);
        return name.substring(0, dot) + " (" + attempt + ")" + name.substring(dot);
    }

    private static String lastComponent(String name) {
        String[] parts = name.split("[/\\\\]");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank()) {
                return parts[i];
            }
        }
        return "";
    }

    private static String withoutDangerousCharacters(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if ("<>:\"|?*".indexOf(c) >= 0) {
                safe.append('_');
            } else if (!isInvisibleControl(c)) {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    private static boolean isInvisibleControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.FORMAT;
    }

    private static String trimDotsAndSpaces(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isTrimmed(name.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Cuts the stem, code point by code point, until the name fits in {@value #MAX_NAME_BYTES} bytes. */
    private static String bounded(String name) {
        if (utf8Length(name) <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = extensionStart(name);
        boolean keepExtension = name.length() - dot <= MAX_EXTENSION_CHARS;
        String extension = keepExtension ? name.substring(dot) : "";
        String stem = keepExtension ? name.substring(0, dot) : name;
        while (!stem.isEmpty() && utf8Length(stem + extension) > MAX_NAME_BYTES) {
            stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
        }
        return trimDotsAndSpaces(stem) + extension;
    }

    /** Where the extension starts ({@code ".pdf"}), or the end of the name when it has none. */
    private static int extensionStart(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? dot : name.length();
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
