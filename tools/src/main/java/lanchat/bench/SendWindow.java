package lanchat.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How many of one sender's messages are still on their way: taken by the {@link Pacer} when it sends, given
 * back by the sender's own {@link Receiver} when the server's echo of the message arrives. With a rate of 0
 * ("as fast as possible") the pacer sends only while a window has room, so the load is the most the server
 * can take without its send queues growing until it disconnects the benchmark's own receivers.
 *
 * <p>Thread-safe for one taker (the pacer thread, which {@link #take()}s and is woken by {@link #give()}) and
 * one giver (the receiver thread).
 */
final class SendWindow {
    private final int limit;
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile Thread taker;

    SendWindow(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit <= 0: " + limit);
        }
        this.limit = limit;
    }

    /** The pacer's side: true, counting one more message on its way, when the window has room. */
    boolean take() {
        if (outstanding.get() >= limit) {
            return false;
        }
        outstanding.incrementAndGet();
        return true;
    }

    /** The receiver's side: one message came back; wakes the pacer if it waits for room. */
    void give() {
        outstanding.decrementAndGet();
        Thread waiting = taker;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /** Names the thread that {@link #give()} wakes. */
    void wake(Thread thread) {
        taker = thread;
    }

    int outstanding() {
        return outstanding.get();
    }
}
