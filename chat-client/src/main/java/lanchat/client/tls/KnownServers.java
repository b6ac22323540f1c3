package lanchat.client.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import lanchat.protocol.tls.Fingerprint;

/**
 * The file of pinned server keys, {@code ~/.lanchat/known_servers} by default: one {@code host:port fingerprint}
 * per line, as {@code ssh}'s known_hosts; {@code #} starts a comment, and a line that is not of this shape is
 * skipped. Read afresh on every lookup, so an edit (deleting the line of a changed key) counts at once. A server
 * may have several lines (several keys trusted). The connecting thread.
 */
public final class KnownServers {
    private final Path file;

    /** One pinned key, and the line (from 1) that holds it, for messages that say which line to edit. */
    public record Pin(Fingerprint fingerprint, int line) {
    }

    public KnownServers(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The keys pinned for {@code hostPort}; empty when the server is new (or the file does not exist yet). */
    public List<Pin> pins(String hostPort) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Pin> pins = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).strip().split("\\s+");
            if (words.length >= 2 && words[0].equals(hostPort)) {
                try {
                    pins.add(new Pin(Fingerprint.parse(words[1]), i + 1));
                } catch (IllegalArgumentException e) {
                    // not a fingerprint: skipped, like any line that is not of the right shape
                }
            }
        }
        return List.copyOf(pins);
    }

    /** Appends a line pinning {@code fingerprint} for {@code hostPort}, making the file and folder if needed. */
    public void add(String hostPort, Fingerprint fingerprint) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Files.writeString(file, hostPort + " " + fingerprint + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
