package lanchat.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Short random ids that keep the nicks and rooms of one run apart from those of earlier runs, and from people
 * on a server given with {@code --host}: a room {@code bench-k3f9a} starts at seq 1, and nicks {@code
 * bk3f9a-17} are free. Thread-safe.
 */
final class RunIds {
    private static final int LENGTH = 5;

    private RunIds() {
    }

    /** Five random characters from [0-9a-z]. */
    static String next() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(Character.forDigit(ThreadLocalRandom.current().nextInt(36), 36));
        }
        return id.toString();
    }
}
