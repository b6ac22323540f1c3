package lanchat.server.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import lanchat.protocol.FieldRules;

/**
 * The server's {@code --data-dir}: one {@link Journal} file per room, {@code ROOM.jsonl}, named by the room's
 * folded (lower-case) name — room names are already limited to {@code [A-Za-z0-9_-]}, so they are safe file
 * names, and {@code Dev} and {@code dev}, one room, share one file. A {@code .lock} file keeps a second server
 * away from the same folder.
 *
 * <p>{@link #open} runs on the main thread before the server listens: it takes the lock, removes temporary files
 * a crash left behind, and loads every room file ({@link JournalLoader}). {@link #journal} is called by the
 * rooms (any session thread); with {@link FsyncPolicy#BATCH} a daemon thread named {@code history fsync} forces
 * the files written to, once a second. At most {@link #MAX_OPEN_FILES} room files are open at once
 * ({@link OpenJournals}). {@link #close()} (once the sessions are gone) forces and closes every file and releases
 * the lock; it is idempotent.
 */
public final class DataDir implements AutoCloseable {
    static final String SUFFIX = ".jsonl";
    static final String TEMPORARY_SUFFIX = ".tmp";
    /**
     * Room files open at once, at most: beyond it the file written to least recently is closed, and opened again
     * by its room's next message. Enough for the rooms of a busy classroom; far below a process's descriptors.
     */
    public static final int MAX_OPEN_FILES = 64;
    private static final long BATCH_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(DataDir.class.getName());

    private final Path folder;
    private final int history;
    private final FsyncPolicy fsync;
    private final FileOpener opener;
    private final OpenJournals openJournals;
    private final FileChannel lockChannel;
    private final List<LoadedRoom> loaded = new ArrayList<>();
    private final Map<String, Integer> loadedLines = new ConcurrentHashMap<>();
    private final Map<String, Journal> journals = new ConcurrentHashMap<>();
    private final ScheduledExecutorService syncer;

    private DataDir(Path folder, int history, FsyncPolicy fsync, FileOpener opener, int maxOpenFiles,
            FileChannel lockChannel) {
        this.folder = folder;
        this.history = history;
        this.fsync = fsync;
        this.opener = opener;
        this.openJournals = new OpenJournals(maxOpenFiles);
        this.lockChannel = lockChannel;
        this.syncer = fsync == FsyncPolicy.BATCH ? startSyncer() : null;
    }

    /**
     * Opens (creating it if need be) and loads the folder.
     *
     * @throws DataDirException when the folder cannot be made, locked or read, with one sentence saying why
     */
    public static DataDir open(Path folder, int history, FsyncPolicy fsync) throws DataDirException {
        return open(folder, history, fsync, FileOpener.SYSTEM, MAX_OPEN_FILES);
    }

    /**
     * Opens the folder as {@link #open(Path, int, FsyncPolicy)} does, with room files opened by {@code opener}
     * (a test's seam) and at most {@code maxOpenFiles} of them open at once.
     */
    public static DataDir open(Path folder, int history, FsyncPolicy fsync, FileOpener opener, int maxOpenFiles)
            throws DataDirException {
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("maxOpenFiles < 1: " + maxOpenFiles);
        }
        FileChannel lock = lock(folder);
        DataDir dataDir = new DataDir(folder, history, fsync, opener, maxOpenFiles, lock);
        try {
            dataDir.removeTemporaryFiles();
            dataDir.loadRooms();
        } catch (IOException e) {
            dataDir.close();
            throw new DataDirException("cannot read " + folder + ": " + describe(e), e);
        }
        return dataDir;
    }

    /** Every room found on disk with at least one message. */
    public List<LoadedRoom> rooms() {
        return List.copyOf(loaded);
    }

    /** The journal of the room whose folded name is {@code roomKey}; the file is created on its first message. */
    public Journal journal(String roomKey) {
        return journals.computeIfAbsent(roomKey, key -> new Journal(new JournalFile(folder.resolve(key + SUFFIX),
                opener), history, fsync, loadedLines.getOrDefault(key, 0), openJournals));
    }

    @Override
    public void close() {
        if (syncer != null) {
            syncer.shutdownNow();
        }
        journals.values().forEach(Journal::close);
        try {
            lockChannel.close();
        } catch (IOException e) {
            LOG.fine(() -> "cannot release " + folder + ": " + e);
        }
    }

    private static FileChannel lock(Path folder) throws DataDirException {
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new DataDirException(folder + " is in use by another server; give each its own --data-dir", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DataDirException("cannot use " + folder + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        return switch (e) {
            case java.nio.file.FileAlreadyExistsException exists -> exists.getFile() + " is not a folder";
            case java.nio.file.NotDirectoryException notFolder -> notFolder.getFile() + " is not a folder";
            case java.nio.file.AccessDeniedException denied -> "permission denied for " + denied.getFile();
            default -> e.toString();
        };
    }

    private void removeTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "*" + SUFFIX + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                // A compaction interrupted by a crash: the room file it was to replace is still whole.
                Files.delete(leftover);
            }
        }
    }

    private void loadRooms() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String key = file.getFileName().toString();
                key = key.substring(0, key.length() - SUFFIX.length());
                if (!FieldRules.isValidRoom(key) || !FieldRules.fold(key).equals(key)) {
                    LOG.warning("ignoring " + file + ": not a room file (ROOM.jsonl, ROOM in lower case)");
                    continue;
                }
                load(file, key);
            }
        }
        loaded.sort(java.util.Comparator.comparing(LoadedRoom::name, String.CASE_INSENSITIVE_ORDER));
    }

    private void load(Path file, String key) throws IOException {
        JournalLoader loader = new JournalLoader(file, key, history, opener);
        LoadedRoom room = loader.load();
        loadedLines.put(key, loader.lines());
        if (room != null) {
            loaded.add(room);
            int kept = room.messages().size();
            LOG.info("room " + room.name() + ": " + kept + (kept == 1 ? " message" : " messages")
                    + " of history, seq " + room.lastSeq() + " (" + file + ")");
        }
    }

    private ScheduledExecutorService startSyncer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "history fsync");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> journals.values().forEach(Journal::sync), BATCH_MILLIS, BATCH_MILLIS,
                TimeUnit.MILLISECONDS);
        return executor;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do: the open failed anyway
            }
        }
    }
}
