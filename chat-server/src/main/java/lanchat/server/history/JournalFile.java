package lanchat.server.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The channel of one room file: opened by the first {@link #append} that needs it, closed by {@link #close} when
 * {@link OpenJournals} wants its descriptor back (or at shutdown), opened again by the next append.
 *
 * <p>The file always ends on a whole line. An append that fails (a full disk: the write, or with
 * {@code --fsync always} the force, throws) is undone: the file is cut back to its length before the write. If
 * even that fails, the channel is closed and the next open cuts the file back first; if that fails too, the open
 * fails, and so does the append. A later line can therefore never continue a half-written one.
 *
 * <p>Its own lock guards the channel: {@link #append} and {@link #replace} run on the room's session thread (room
 * lock held), {@link #close} on any room's thread (eviction) or at shutdown, {@link #sync} on the
 * {@code history fsync} thread. The lock is never held while taking another one.
 */
final class JournalFile {
    private final Path path;
    private final FileOpener opener;
    private final ReentrantLock lock = new ReentrantLock();
    private FileChannel channel;
    // The file's length when it last ended on a whole line: what a failed write is cut back to; -1 = not known yet.
    private long wholeBytes = -1;
    private boolean dirty;

    JournalFile(Path path, FileOpener opener) {
        this.path = path;
        this.opener = opener;
    }

    Path path() {
        return path;
    }

    /** Appends {@code line} (ending in a line end), forced to the disk if {@code force}; undone if it fails. */
    void append(byte[] line, boolean force) throws IOException {
        lock.lock();
        try {
            FileChannel open = open();
            try {
                writeFully(open, line);
                if (force) {
                    open.force(false);
                }
            } catch (IOException e) {
                undo(open, e);
                throw e;
            }
            wholeBytes += line.length;
            dirty = !force;
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the file by one holding just {@code lines}, through a forced temporary file renamed over it. */
    void replace(List<byte[]> lines) throws IOException {
        lock.lock();
        try {
            writeCompacted(opener, path, lines);
            // The old channel points to the replaced file: its lines are all in the new one, already forced.
            closeChannel();
            dirty = false;
            wholeBytes = -1;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forces what was written since the last call to the disk ({@code --fsync batch}), also when the file was
     * closed meanwhile to free its descriptor: then through a channel opened just for that.
     */
    void sync() throws IOException {
        lock.lock();
        try {
            syncLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the channel, if open, to give its descriptor back; it opens again on the next append. Forces the file
     * first only if {@code force} (shutdown); otherwise what is not forced yet stays for the next {@link #sync}.
     */
    void close(boolean force) throws IOException {
        lock.lock();
        try {
            if (force) {
                syncLocked();
            }
            closeChannel();
        } finally {
            lock.unlock();
        }
    }

    /** Writes {@code lines} to {@code file} through a forced temporary file renamed over it; never half of it. */
    static void writeCompacted(FileOpener opener, Path file, List<byte[]> lines) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + DataDir.TEMPORARY_SUFFIX);
        try {
            try (FileChannel out = opener.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (byte[] line : lines) {
                    writeFully(out, line);
                }
                out.force(false);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // On a full disk the half-written copy would keep the space the room file needs.
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private FileChannel open() throws IOException {
        if (channel != null) {
            return channel;
        }
        FileChannel open = opener.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            if (wholeBytes < 0) {
                // Loaded at start or just compacted: the file ends on a whole line.
                wholeBytes = open.size();
            } else if (open.size() != wholeBytes) {
                open.truncate(wholeBytes);
            }
        } catch (IOException e) {
            open.close();
            throw e;
        }
        channel = open;
        return open;
    }

    private void undo(FileChannel open, IOException cause) {
        try {
            open.truncate(wholeBytes);
        } catch (IOException e) {
            cause.addSuppressed(e);
            try {
                closeChannel();
            } catch (IOException closing) {
                cause.addSuppressed(closing);
            }
        }
    }

    // Under the lock: an eviction closing the channel meanwhile would make this force fail.
    private void syncLocked() throws IOException {
        if (!dirty) {
            return;
        }
        if (channel != null) {
            channel.force(false);
        } else {
            // fsync through any descriptor of the file writes back all of its data.
            try (FileChannel reopened = opener.open(path, StandardOpenOption.READ)) {
                reopened.force(false);
            }
        }
        dirty = false;
    }

    private void closeChannel() throws IOException {
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            open.close();
        }
    }

    // One write() call for the whole line in the usual case: a crash then leaves whole lines or nothing.
    private static void writeFully(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
