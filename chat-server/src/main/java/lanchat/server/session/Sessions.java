package lanchat.server.session;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The open connections, and how many of them count against {@code --max-clients}. The accept thread admits each
 * new connection; a session removes itself once its socket is closed; the server's close() takes them all
 * and waits for them to go; the timer's idle sweep visits them all ({@link #forEach}). Thread-safe.
 */
public final class Sessions {

    /** What {@link #admit} decided. */
    public enum Admission { ADMITTED, FULL, CLOSED }

    private final int maxClients;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition removed = lock.newCondition();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counted = new AtomicInteger();
    private boolean closed;

    public Sessions(int maxClients) {
        this.maxClients = maxClients;
    }

    /**
     * Registers a new connection when {@code ADMITTED}; a refused one is not registered (see the server's door).
     */
    public Admission admit(Session session) {
        lock.lock();
        try {
            if (closed) {
                return Admission.CLOSED;
            }
            if (counted.get() >= maxClients) {
                return Admission.FULL;
            }
            open.add(session);
            counted.incrementAndGet();
            return Admission.ADMITTED;
        } finally {
            lock.unlock();
        }
    }

    /** A session's socket is closed; safe to call twice. */
    void remove(Session session) {
        lock.lock();
        try {
            if (open.remove(session)) {
                counted.decrementAndGet();
            }
            removed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Admits nobody from now on and returns every open session. */
    public List<Session> close() {
        lock.lock();
        try {
            closed = true;
            return List.copyOf(open);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every session has closed; false when {@code timeout} passed first. */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
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
    void forEach(Consumer<Session> action) {
        open.forEach(action);
    }

    /** Connections counted against {@code --max-clients}: admitted and not yet closed. */
    public int count() {
        return counted.get();
    }

    /** Every open session's connection (those turned away at the door are the transport's). */
    public int openCount() {
        return open.size();
    }
}
