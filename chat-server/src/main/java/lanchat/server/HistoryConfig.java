package lanchat.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import lanchat.server.history.FsyncPolicy;

/**
 * What the server keeps so that nothing is lost: room history, held sessions, the files. Part of
 * {@link ServerConfig}; immutable, read by every thread. PROTOCOL.md section 6 says what clients can rely on.
 *
 * @param messages    messages each room keeps, replayed on join and on resume ({@code --history})
 * @param resumeGrace how long a session whose connection was lost is held for a resume; 0 = no resume
 *                    ({@code --resume-grace})
 * @param dataDir     folder of the room files, or null to keep history in memory only ({@code --data-dir})
 * @param fsync       when room files are forced to the disk ({@code --fsync})
 */
public record HistoryConfig(int messages, Duration resumeGrace, Path dataDir, FsyncPolicy fsync) {
    public static final int DEFAULT_MESSAGES = 200;
    public static final int MAX_MESSAGES = 10_000;

    public HistoryConfig {
        Objects.requireNonNull(resumeGrace, "resumeGrace");
        Objects.requireNonNull(fsync, "fsync");
        if (messages < 0 || messages > MAX_MESSAGES) {
            throw new IllegalArgumentException("--history must be 0.." + MAX_MESSAGES + ", got " + messages);
        }
        if (resumeGrace.isNegative()) {
            throw new IllegalArgumentException("--resume-grace must not be negative");
        }
    }

    /** Whether lost connections are held for a resume at all. */
    boolean resumable() {
        return resumeGrace.isPositive();
    }
}
