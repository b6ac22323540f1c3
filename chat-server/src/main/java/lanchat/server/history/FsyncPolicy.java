package lanchat.server.history;

/**
 * When room files are forced to the disk ({@code --fsync}). Every policy writes each message to its file (a
 * {@code write} call, into the operating system's page cache) before the message is broadcast, so a message anyone
 * has seen survives a crash of the server process ({@code kill -9}) under all three; a message whose write fails
 * (a full disk) is broadcast to no one. They differ only when the whole machine stops (power loss, kernel panic):
 *
 * <ul>
 *   <li>{@link #NEVER}: the operating system writes the files back when it likes (usually within 30 s on Linux).
 *   <li>{@link #BATCH}, the default: a background thread ({@code history fsync}) forces every file written to in
 *       the last second, so a machine crash loses at most about one second of messages, and saying something
 *       never waits for the disk.
 *   <li>{@link #ALWAYS}: each message is forced to the disk before it is broadcast. Nothing that was seen is
 *       lost even then, but every message waits for the disk (milliseconds on a spinning disk or an SD card).
 * </ul>
 */
public enum FsyncPolicy {
    NEVER,
    BATCH,
    ALWAYS;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
