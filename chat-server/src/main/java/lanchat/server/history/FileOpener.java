package lanchat.server.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * How the data directory opens its room files and compaction files: {@link #SYSTEM} in the server, a test's own
 * opener (a channel whose writes fail as on a full disk, one that counts what is open) in tests. Called on the
 * session thread that writes, with that room's lock held.
 */
@FunctionalInterface
public interface FileOpener {
    /** {@link FileChannel#open(Path, OpenOption...)}: the real files. */
    FileOpener SYSTEM = FileChannel::open;

    /** Opens {@code file} as {@link FileChannel#open(Path, OpenOption...)} does. */
    FileChannel open(Path file, OpenOption... options) throws IOException;
}
