package lanchat.server.history;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bound on room files open at once: a server with thousands of rooms must not hold thousands of file
 * descriptors (a process has 1,024 by default, and sockets need them too). Each {@link Journal} reports here after
 * it wrote; when more than {@code max} files are open, the least recently written are closed, and they are opened
 * again by their next message.
 *
 * <p>Called on session threads, with the writing room's lock held; its own lock is never held while a file is
 * closed, so a room opening its file never waits for another room's fsync. The count can therefore be one above
 * {@code max} for each room opening its file at the same instant, until its {@link #used} returns.
 */
final class OpenJournals {
    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    // Access order: iteration starts at the journal written to least recently.
    private final LinkedHashMap<Journal, Boolean> open = new LinkedHashMap<>(16, 0.75f, true);

    OpenJournals(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max < 1: " + max);
        }
        this.max = max;
    }

    /** {@code journal} has just written to its open file: keeps it, closes the oldest ones beyond the bound. */
    void used(Journal journal) {
        List<Journal> evicted = new ArrayList<>();
        lock.lock();
        try {
            open.put(journal, Boolean.TRUE);
            Iterator<Journal> oldestFirst = open.keySet().iterator();
            while (open.size() > max) {
                evicted.add(oldestFirst.next());
                oldestFirst.remove();
            }
        } finally {
            lock.unlock();
        }
        evicted.forEach(Journal::closeFile);
    }

    /** {@code journal} closed its file itself (a compaction replaced it, a write failed). */
    void closed(Journal journal) {
        lock.lock();
        try {
            open.remove(journal);
        } finally {
            lock.unlock();
        }
    }

    /** How many journals count as open. */
    int size() {
        lock.lock();
        try {
            return open.size();
        } finally {
            lock.unlock();
        }
    }
}
