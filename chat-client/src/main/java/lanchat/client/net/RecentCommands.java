package lanchat.client.net;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Command;

/**
 * The last few commands a connection sent, by the {@code ref} they carried, so that a reply with that
 * {@code ref} (an error, say) can be matched to what caused it. Keeps at most {@code capacity} entries, dropping
 * the oldest: most commands get no direct reply, and memory must not grow with a long session.
 *
 * <p>Thread-safe: the sending threads {@link #remember}, the reader thread {@link #find}s.
 */
public final class RecentCommands {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Command> byRef;

    RecentCommands(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity <= 0: " + capacity);
        }
        this.byRef = new LinkedHashMap<>(capacity * 2) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Command> eldest) {
                return size() > capacity;
            }
        };
    }

    void remember(String ref, Command command) {
        lock.lock();
        try {
            byRef.put(ref, command);
        } finally {
            lock.unlock();
        }
    }

    /** The command sent with this ref, or null when there was none or it has been forgotten. */
    Command find(String ref) {
        if (ref == null) {
            return null;
        }
        lock.lock();
        try {
            return byRef.get(ref);
        } finally {
            lock.unlock();
        }
    }
}
