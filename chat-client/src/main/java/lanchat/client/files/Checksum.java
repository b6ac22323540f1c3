package lanchat.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * SHA-256, the checksum a {@code file-offer} carries: of a whole file, or fed piece by piece while a file is sent
 * or received. Digests are written as 64 lowercase hexadecimal digits, as the protocol wants them. Stateless.
 */
final class Checksum {
    private static final int BLOCK_BYTES = 64 * 1024;

    private Checksum() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String hex(byte[] data) {
        MessageDigest digest = newDigest();
        digest.update(data);
        return hex(digest);
    }

    /**
     * Reads the whole file and returns its digest with the number of bytes read, reporting the count as it
     * goes; gives up (returning null) as soon as {@code stop} says so.
     */
    static Summary of(Path file, LongConsumer bytesRead, BooleanSupplier stop) throws IOException {
        MessageDigest digest = newDigest();
        byte[] block = new byte[BLOCK_BYTES];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                if (stop.getAsBoolean()) {
                    return null;
                }
                digest.update(block, 0, n);
                total += n;
                bytesRead.accept(total);
            }
        }
        return new Summary(hex(digest), total);
    }

    /** A file's digest and length, as read. */
    record Summary(String sha256, long size) {
    }
}
