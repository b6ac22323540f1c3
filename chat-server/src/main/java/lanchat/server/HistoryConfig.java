package lanchat.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import lanchat.server.history.FsyncPolicy;
import lanchat.server.history.RoomHistory;

/**
 * What the server keeps so that nothing is lost: room history, held sessions, the files. Part of
 * {@link ServerConfig}; immutable, read by every thread. PROTOCOL.md section 6 says what clients can rely on.
 *
 * @param messages    messages each room keeps, replayed on join and on resume ({@code --history})
 * @param resumeGrace how long a session whose connection was lost is held for a resume; 0 = no resume
 *                    ({@code --resume-grace})
 * @param dataDir     folder of the room files, or null to keep history in memory only ({@code --data-dir})
 * @param fsync       when room files are forced to the disk ({@code --fsync})
 * @param historyBytes     bytes all rooms' histories keep together, oldest messages forgotten first
 *                         ({@code --history-bytes})
 * @param heldWhisperBytes bytes of whispers kept for one held session ({@code --held-whisper-bytes})
 */
public record HistoryConfig(int messages, Duration resumeGrace, Path dataDir, FsyncPolicy fsync, long historyBytes,
        int heldWhisperBytes) {
    public static final int DEFAULT_MESSAGES = RoomHistory.DEFAULT_CAPACITY;
    public static final int MAX_MESSAGES = 10_000;
    /** A quarter of a 256 MiB heap: history is the biggest thing a server keeps. */
    public static final long DEFAULT_HISTORY_BYTES = 64L * 1024 * 1024;
    /** About 16 whispers of the longest text, or hundreds of short ones. */
    public static final int DEFAULT_HELD_WHISPER_BYTES = 64 * 1024;

    public HistoryConfig {
        Objects.requireNonNull(resumeGrace, "resumeGrace");
        Objects.requireNonNull(fsync, "fsync");
        if (messages < 0 || messages > MAX_MESSAGES) {
            throw new IllegalArgumentException("--history must be 0.." + MAX_MESSAGES + ", got " + messages);
        }
        if (resumeGrace.isNegative()) {
            throw new IllegalArgumentException("--resume-grace must not be negative");
        }
        if (historyBytes < 0) {
            throw new IllegalArgumentException("--history-bytes must not be negative, got " + historyBytes);
        }
        if (heldWhisperBytes < 0) {
            throw new IllegalArgumentException("--held-whisper-bytes must not be negative, got " + heldWhisperBytes);
        }
    }

    /** Whether lost connections are held for a resume at all. */
    boolean resumable() {
        return resumeGrace.isPositive();
    }
}
