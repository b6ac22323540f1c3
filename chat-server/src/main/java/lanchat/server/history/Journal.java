package lanchat.server.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;

/**
 * One room's file in the data directory, {@code ROOM.jsonl} (the room name folded to lower case): one line per
 * message, the JSON body of the {@code message} frame as broadcast. {@link #append} writes a line before the room
 * broadcasts it, and says whether it could: a message the file did not take is sent to no one. Once the file holds
 * {@link #maxLines} lines, the room {@link #rewrite}s it with only the messages it still keeps, so the file stays
 * small (compaction: a new file next to it, forced to the disk, then renamed over the old one, so a crash leaves
 * either the old file or the new one, never half of one). A compaction that fails is tried again only after
 * another margin of lines (at least {@value #MIN_MARGIN_LINES}), not on every message.
 *
 * <p>{@link #append} and {@link #rewrite} run on session threads with the room's lock held: the lock of this room
 * only, which is why a write may happen under it. The {@link JournalFile} underneath is opened on demand and may
 * be closed by {@link OpenJournals} from another room's thread. A failing file is logged once, until it works
 * again.
 */
public final class Journal {
    /** Lines a file may hold beyond what {@code --history} needs, at least: the compaction margin. */
    static final int MIN_MARGIN_LINES = 100;
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    private static final Journal NONE = new Journal(null, 1, FsyncPolicy.NEVER, 0, null);

    private final JournalFile file;
    private final int maxLines;
    private final int marginLines;
    private final FsyncPolicy fsync;
    private final OpenJournals openJournals;
    private int lines;
    private int compactAt;
    private boolean failing;

    Journal(JournalFile file, int history, FsyncPolicy fsync, int lines, OpenJournals openJournals) {
        this.file = file;
        this.maxLines = maxLines(history);
        this.marginLines = maxLines - keptLines(history);
        this.fsync = fsync;
        this.lines = lines;
        this.compactAt = maxLines;
        this.openJournals = openJournals;
    }

    /** A journal that writes nothing: the rooms of a server without {@code --data-dir}. */
    public static Journal none() {
        return NONE;
    }

    /** The messages a compacted file keeps: the history, but at least the last one, so seq survives a restart. */
    static int keptLines(int history) {
        return Math.max(history, 1);
    }

    /** The most lines a room file holds: {@code history + max(history, 100)}, e.g. 400 for the default 200. */
    static int maxLines(int history) {
        int kept = keptLines(history);
        return kept + Math.max(kept, MIN_MARGIN_LINES);
    }

    /**
     * Writes {@code message} as one line; with {@link FsyncPolicy#ALWAYS} also forces it to the disk. Returns
     * false when that failed (a full disk): the file is then as it was before, ending on its last whole line.
     */
    public boolean append(Event.Message message) {
        if (file == null) {
            return true;
        }
        try {
            file.append(line(message), fsync == FsyncPolicy.ALWAYS);
        } catch (IOException e) {
            failed("cannot write to " + file.path() + ": " + e + "; messages to this room are refused "
                    + "(storage_failed) until it works again");
            return false;
        }
        lines++;
        recovered();
        openJournals.used(this);
        return true;
    }

    /** True once the file should be {@link #rewrite rewritten}: at its bound, or a failed compaction's next try. */
    public boolean full() {
        return file != null && lines >= compactAt;
    }

    /** Replaces the file by one holding just {@code messages} (the last ones, in seq order). */
    public void rewrite(List<Event.Message> messages) {
        if (file == null) {
            return;
        }
        try {
            file.replace(messages.stream().map(Journal::line).toList());
            openJournals.closed(this);
            lines = messages.size();
            compactAt = maxLines;
            recovered();
        } catch (IOException e) {
            // Not on the next message, under the room lock: after as many lines as a compaction makes room for.
            compactAt = lines + marginLines;
            failed("cannot compact " + file.path() + ": " + e + "; the file grows until a compaction works, "
                    + "the next try after " + (compactAt - lines) + " more messages");
        }
    }

    /** Forces what was written since the last call to the disk ({@link FsyncPolicy#BATCH}). */
    void sync() {
        if (file == null) {
            return;
        }
        try {
            file.sync();
        } catch (IOException e) {
            LOG.warning("cannot force " + file.path() + " to the disk: " + e);
        }
    }

    /** Closes the file to free its descriptor; it opens again on the next message. */
    void closeFile() {
        close(false);
    }

    /** Closes the file at shutdown, forcing it first unless {@code --fsync never}. */
    void close() {
        close(fsync != FsyncPolicy.NEVER);
    }

    private void close(boolean force) {
        if (file == null) {
            return;
        }
        try {
            file.close(force);
        } catch (IOException e) {
            LOG.warning("cannot close " + file.path() + ": " + e.getMessage());
        }
    }

    /** The line {@code message} is written as: its JSON body and a line end. */
    static byte[] line(Event.Message message) {
        byte[] json = MessageCodec.encode(message);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    private void failed(String what) {
        if (!failing) {
            failing = true;
            LOG.severe(what);
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.warning("writing to " + file.path() + " works again");
        }
    }
}
