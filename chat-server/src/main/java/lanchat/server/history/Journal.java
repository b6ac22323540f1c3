package lanchat.server.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Logger;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;

/**
 * One room's file in the data directory, {@code ROOM.jsonl} (the room name folded to lower case): one line per
 * message, the JSON body of the {@code message} frame as broadcast. {@link #append} writes a line before the room
 * broadcasts it; once the file holds {@link #maxLines()} lines, the room {@link #rewrite}s it with only the
 * messages it still keeps, so the file stays small (compaction: a new file next to it, forced to the disk, then
 * renamed over the old one, so a crash leaves either the old file or the new one, never half of one).
 *
 * <p>{@link #append} and {@link #rewrite} run on session threads with the room's lock held: the lock of this room
 * only, which is why a write may happen under it. {@link #sync} runs on the {@code history fsync} thread without
 * any lock, {@link #close} at shutdown. A failed write is logged (once, until writes work again) and the message
 * is still broadcast: the chat goes on without its file rather than stopping.
 */
public final class Journal {
    /** Lines a file may hold beyond what {@code --history} needs, at least: the compaction margin. */
    static final int MIN_MARGIN_LINES = 100;
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    private static final Journal NONE = new Journal(null, 1, FsyncPolicy.NEVER, 0);

    private final Path file;
    private final int maxLines;
    private final FsyncPolicy fsync;
    private volatile FileChannel channel;
    private volatile boolean dirty;
    private int lines;
    private boolean failing;

    Journal(Path file, int history, FsyncPolicy fsync, int lines) {
        this.file = file;
        this.maxLines = maxLines(history);
        this.fsync = fsync;
        this.lines = lines;
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

    /** Writes {@code message} as one line; with {@link FsyncPolicy#ALWAYS} also forces it to the disk. */
    public void append(Event.Message message) {
        if (file == null) {
            return;
        }
        try {
            FileChannel open = openChannel();
            writeFully(open, line(message));
            lines++;
            if (fsync == FsyncPolicy.ALWAYS) {
                open.force(false);
            } else {
                dirty = true;
            }
            recovered();
        } catch (IOException e) {
            failed("cannot write to " + file, e);
        }
    }

    /** True once the file has reached its bound and should be {@link #rewrite rewritten}. */
    public boolean full() {
        return file != null && lines >= maxLines;
    }

    /** Replaces the file by one holding just {@code messages} (the last ones, in seq order). */
    public void rewrite(List<Event.Message> messages) {
        if (file == null) {
            return;
        }
        try {
            writeCompacted(file, messages);
            FileChannel old = channel;
            channel = null;
            if (old != null) {
                old.close();
            }
            lines = messages.size();
            recovered();
        } catch (IOException e) {
            failed("cannot compact " + file, e);
        }
    }

    /** Forces what was written since the last call to the disk ({@link FsyncPolicy#BATCH}). */
    void sync() {
        FileChannel open = channel;
        if (!dirty || open == null) {
            return;
        }
        dirty = false;
        try {
            open.force(false);
        } catch (IOException e) {
            // Closed by a compaction meanwhile: the new file was forced before it replaced this one.
            LOG.fine(() -> "fsync of " + file + " skipped: " + e);
        }
    }

    void close() {
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            try {
                if (fsync != FsyncPolicy.NEVER) {
                    open.force(false);
                }
                open.close();
            } catch (IOException e) {
                LOG.warning("cannot close " + file + ": " + e.getMessage());
            }
        }
    }

    /** Writes {@code messages} to {@code file} through a forced temporary file renamed over it. */
    static void writeCompacted(Path file, List<Event.Message> messages) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + DataDir.TEMPORARY_SUFFIX);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Event.Message message : messages) {
                writeFully(out, line(message));
            }
            out.force(false);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private FileChannel openChannel() throws IOException {
        FileChannel open = channel;
        if (open == null) {
            open = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            channel = open;
        }
        return open;
    }

    // One write() call for the whole line in the usual case: a crash then leaves whole lines or nothing.
    private static void writeFully(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static byte[] line(Event.Message message) {
        byte[] json = MessageCodec.encode(message);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    private void failed(String what, IOException e) {
        if (!failing) {
            failing = true;
            LOG.severe(what + ": " + e + "; messages are still delivered and kept in memory, not on disk");
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.warning("writing to " + file + " works again");
        }
    }
}
