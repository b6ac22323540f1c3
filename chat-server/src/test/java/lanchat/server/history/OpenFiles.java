package lanchat.server.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The room files this process has open, as the kernel lists them in {@code /proc/self/fd} (Linux). */
public final class OpenFiles {
    private OpenFiles() {
    }

    /** How many descriptors of this process are open on a {@code *.jsonl} file in {@code folder}. */
    public static long under(Path folder) throws IOException {
        Path real = folder.toRealPath();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.map(OpenFiles::target)
                    .filter(target -> target.startsWith(real.toString() + "/") && target.endsWith(DataDir.SUFFIX))
                    .count();
        }
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            // Closed between the listing and the look: not open any more.
            return "";
        }
    }
}
