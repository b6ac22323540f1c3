package lanchat.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Where one session stands with its connection: {@code CONNECTED}; {@code HELD} for a resume after the connection
 * was lost, keeping the whispers sent to it meanwhile (at most {@code maxKept} of them, and {@code maxKeptBytes} bytes
 * of frames); {@code RESUMED} by a session on
 * a new connection, to which whispers are passed on; or {@code ENDED}.
 *
 * <p>Its session changes it (with the session's lock held); whispers read it from other sessions' reader threads.
 * It has a lock of its own, and a whisper takes only that one, so a whisper never waits for a session busy with
 * a command. Passing a whisper on goes from an older session to a newer one only: no lock cycle.
 */
final class HoldState {

    enum State { CONNECTED, HELD, RESUMED, ENDED }

    private final ReentrantLock lock = new ReentrantLock();
    private final int maxKept;
    private final int maxKeptBytes;
    private List<byte[]> kept = List.of(); // a list of its own only once held
    private long keptBytes;
    private State state = State.CONNECTED;
    private Member successor;
    private ScheduledFuture<?> expiry;

    HoldState(int maxKept, int maxKeptBytes) {
        this.maxKept = maxKept;
        this.maxKeptBytes = maxKeptBytes;
    }

    State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A whisper for the session: delivered to {@code connected} while connected, kept while held, passed on to the
     * successor once resumed. False when it was none of these (ended, or no room left among those kept).
     */
    boolean whisper(byte[] frame, Member connected) {
        lock.lock();
        try {
            return switch (state) {
                case CONNECTED -> connected.deliver(frame);
                case HELD -> keep(frame);
                case RESUMED -> successor.deliverWhisper(frame);
                case ENDED -> false;
            };
        } finally {
            lock.unlock();
        }
    }

    // With the lock held.
    private boolean keep(byte[] frame) {
        if (kept.size() >= maxKept || keptBytes + frame.length > maxKeptBytes) {
            return false;
        }
        keptBytes += frame.length;
        return kept.add(frame);
    }

    /** Bytes of the whispers kept now. */
    long keptBytes() {
        lock.lock();
        try {
            return keptBytes;
        } finally {
            lock.unlock();
        }
    }

    /** The connection is lost: held from now on, until the deadline {@code expiry} schedules. */
    void hold(Supplier<ScheduledFuture<?>> expiry) {
        lock.lock();
        try {
            state = State.HELD;
            kept = new ArrayList<>();
            this.expiry = expiry.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A held session is resumed by {@code newcomer}: cancels the deadline, runs {@code welcome}, gives the newcomer
     * the kept whispers (as replays), and passes every later whisper on. False, and nothing done, unless held.
     */
    boolean resumeBy(Member newcomer, Runnable welcome) {
        lock.lock();
        try {
            if (state != State.HELD) {
                return false;
            }
            if (expiry != null) {
                expiry.cancel(false);
            }
            welcome.run();
            newcomer.deliverReplay(kept);
            kept = List.of();
            keptBytes = 0;
            state = State.RESUMED;
            successor = newcomer;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The session is over; kept whispers are dropped. */
    void end() {
        lock.lock();
        try {
            state = State.ENDED;
            kept = List.of();
            keptBytes = 0;
        } finally {
            lock.unlock();
        }
    }
}
