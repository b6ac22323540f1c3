package lanchat.server.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.json.MessageCodec;

/**
 * Reads one room file at start ({@link DataDir#open}, main thread). Each line must be a valid {@code message}
 * body for this file's room, with a seq above the line before it. A line that is not — typically the last one,
 * cut short by a crash in the middle of a write — is skipped with a warning naming the file and line; it never
 * stops the server. A file that had such a line, or more lines than its bound, is rewritten clean at once.
 */
final class JournalLoader {
    private static final Logger LOG = Logger.getLogger(JournalLoader.class.getName());

    private final Path file;
    private final String roomKey;
    private final int history;
    private final FileOpener opener;
    private final ArrayDeque<Event.Message> kept = new ArrayDeque<>();
    private long lastSeq;
    private int lines;
    private boolean damaged;

    JournalLoader(Path file, String roomKey, int history, FileOpener opener) {
        this.file = file;
        this.roomKey = roomKey;
        this.history = history;
        this.opener = opener;
    }

    /** The room as the file describes it, or null when the file holds no valid message at all. */
    LoadedRoom load() throws IOException {
        byte[] content = Files.readAllBytes(file);
        int start = 0;
        for (int end = indexOf(content, start); start < content.length; end = indexOf(content, start)) {
            lines++;
            if (end < 0) {
                skip("is cut short (no line end; a crash in the middle of a write?)");
                break;
            }
            read(Arrays.copyOfRange(content, start, end));
            start = end + 1;
        }
        if (damaged || lines > Journal.maxLines(history)) {
            // Also ends the file on a whole line again, so the next append does not continue a broken one.
            JournalFile.writeCompacted(opener, file, kept.stream().map(Journal::line).toList());
            lines = kept.size();
        }
        if (kept.isEmpty()) {
            return null;
        }
        Event.Message last = kept.getLast();
        List<Event.Message> shown = List.copyOf(kept).subList(Math.max(0, kept.size() - history), kept.size());
        return new LoadedRoom(last.room(), lastSeq, shown);
    }

    /** Lines in the file now (after a rewrite, if there was one). */
    int lines() {
        return lines;
    }

    private void read(byte[] line) {
        Event.Message message;
        try {
            if (!(MessageCodec.decodeEvent(line).message() instanceof Event.Message decoded)) {
                skip("is not a message");
                return;
            }
            message = decoded;
        } catch (ProtocolException e) {
            skip("is damaged (" + e.getMessage() + ")");
            return;
        }
        if (!FieldRules.fold(message.room()).equals(roomKey)) {
            skip("belongs to room \"" + message.room() + "\"");
        } else if (message.seq() <= lastSeq) {
            skip("has seq " + message.seq() + ", not above the " + lastSeq + " before it");
        } else {
            lastSeq = message.seq();
            kept.addLast(message);
            if (kept.size() > Journal.keptLines(history)) {
                kept.removeFirst();
            }
        }
    }

    private void skip(String problem) {
        damaged = true;
        LOG.warning(file + " line " + lines + " " + problem + "; skipped it");
    }

    private static int indexOf(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
