package lanchat.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The open connections, and how many of them count against {@code --max-clients}. The accept thread admits each
 * new connection; a session removes itself once its socket is closed; {@link ChatServer#close()} takes them all
 * and waits for them to go; the timer's idle sweep visits them all ({@link #forEach}). Thread-safe.
 */
final class Sessions {

    /** What {@link #admit} decided. */
    enum Admission { ADMITTED, FULL, CLOSED }

    private final int maxClients;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition removed = lock.newCondition();
    // Every open session, and whether it counts against maxClients: one map entry per connection, not two.
    private final Map<ClientSession, Boolean> open = new ConcurrentHashMap<>();
    private final AtomicInteger counted = new AtomicInteger();
    private boolean closed;

    Sessions(int maxClients) {
        this.maxClients = maxClients;
    }

    /**
     * Registers a new connection. It is counted against the limit only when {@code ADMITTED}; a refused one is
     * still tracked until it closes, so shutdown waits for it too.
     */
    Admission admit(ClientSession session) {
        lock.lock();
        try {
            if (closed) {
                return Admission.CLOSED;
            }
            boolean full = counted.get() >= maxClients;
            open.put(session, !full);
            if (full) {
                return Admission.FULL;
            }
            counted.incrementAndGet();
            return Admission.ADMITTED;
        } finally {
            lock.unlock();
        }
    }

    /** A session's socket is closed; safe to call twice. */
    void remove(ClientSession session) {
        lock.lock();
        try {
            if (Boolean.TRUE.equals(open.remove(session))) {
                counted.decrementAndGet();
            }
            removed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Admits nobody from now on and returns every open session. */
    List<ClientSession> close() {
        lock.lock();
        try {
            closed = true;
            return List.copyOf(open.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every session has closed; false when {@code timeout} passed first. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!open.isEmpty()) {
                if (left <= 0) {
                    return false;
                }
                left = removed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} for every open session; sees sessions admitted or removed meanwhile, or not. */
    void forEach(Consumer<ClientSession> action) {
        open.keySet().forEach(action);
    }

    /** Connections counted against {@code --max-clients}: admitted and not yet closed. */
    int count() {
        return counted.get();
    }

    /** Every open connection, refused ones included. */
    int openCount() {
        return open.size();
    }
}
