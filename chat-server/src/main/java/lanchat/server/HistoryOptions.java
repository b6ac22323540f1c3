package lanchat.server;

import java.nio.file.Path;
import java.time.Duration;
import lanchat.server.history.FsyncPolicy;
import picocli.CommandLine.Option;

/** The command-line options of {@link HistoryConfig}, mixed into {@link Options}. Main thread. */
final class HistoryOptions {

    @Option(names = "--history", paramLabel = "N", defaultValue = "" + HistoryConfig.DEFAULT_MESSAGES,
            description = "Messages each room keeps and replays to a joiner or a resumed client; 0 = none. "
                    + "Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--history-bytes", paramLabel = "BYTES",
            defaultValue = "" + HistoryConfig.DEFAULT_HISTORY_BYTES,
            description = "Bytes all rooms' histories keep together in memory; past it the oldest messages of the "
                    + "server are forgotten first (a resume then gets a gap, a joiner a shorter history). "
                    + "Default: ${DEFAULT-VALUE} (64 MiB).")
    long historyBytes;

    @Option(names = "--resume-grace", paramLabel = "SECONDS", defaultValue = "60",
            converter = Options.Seconds.class,
            description = "A client whose connection is lost keeps its nick and rooms this long and may resume; "
                    + "0 = no resume. Default: ${DEFAULT-VALUE} s.")
    Duration resumeGrace;

    @Option(names = "--held-whisper-bytes", paramLabel = "BYTES",
            defaultValue = "" + HistoryConfig.DEFAULT_HELD_WHISPER_BYTES,
            description = "Bytes of whispers kept for one held session (also at most --history of them); a whisper "
                    + "beyond is refused with no_such_nick. Default: ${DEFAULT-VALUE} (64 KiB).")
    int heldWhisperBytes;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep each room's history in a file in DIR and reload it on start. "
                    + "Default: none (history in memory only).")
    Path dataDir;

    @Option(names = "--fsync", paramLabel = "POLICY", defaultValue = "batch",
            description = "When room files are forced to the disk: never, batch (every second) or always (each "
                    + "message, before it is broadcast). Every policy survives a crash of the server; they differ "
                    + "on a crash of the machine. Default: ${DEFAULT-VALUE}.")
    FsyncPolicy fsync;

    HistoryConfig config() {
        return new HistoryConfig(messages, resumeGrace, dataDir, fsync, historyBytes, heldWhisperBytes);
    }
}
