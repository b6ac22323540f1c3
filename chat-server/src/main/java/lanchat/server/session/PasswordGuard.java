package lanchat.server.session;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing, per address ({@link HostLedger#keyOf}). After {@code --password-tries} wrong
 * passwords an address is locked out for {@code --password-lockout}; each wrong password after that (one is
 * possible per lockout) doubles the next lockout, up to an hour. A right password from the address starts it
 * afresh, and so does a quiet spell of ten first lockouts after its last wrong password or lockout.
 *
 * <p>The server's door turns a locked-out address's new connections away, and {@link Handshake} its {@code hello}s
 * (from connections opened before), both with {@code too_many_attempts}. Thread-safe; never blocks.
 */
public final class PasswordGuard {
    private static final long LONGEST_LOCKOUT_NANOS = Duration.ofHours(1).toNanos();
    // Past this many addresses remembered, the ones already forgiven are swept out.
    private static final int SWEEP_ABOVE = 1024;

    private final int tries;
    private final long lockoutNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<InetAddress, Record> records = new HashMap<>();

    /** One address's wrong passwords since it was last forgiven. */
    private static final class Record {
        int failures;
        long lockedUntil;
        long forgiveAt;
    }

    public PasswordGuard(HostLimits limits, LongSupplier nanoClock) {
        this.tries = limits.passwordTries();
        this.lockoutNanos = limits.passwordLockout().toNanos();
        this.nanoClock = nanoClock;
    }

    public PasswordGuard(HostLimits limits) {
        this(limits, System::nanoTime);
    }

    /** How long {@code address} is still locked out; zero when it is not. */
    public Duration lockedOut(InetAddress address) {
        lock.lock();
        try {
            Record record = records.get(HostLedger.keyOf(address));
            long left = record == null ? 0 : record.lockedUntil - nanoClock.getAsLong();
            return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
        } finally {
            lock.unlock();
        }
    }

    /** A wrong password from {@code address}: returns the lockout this starts, zero when none. */
    public Duration failed(InetAddress address) {
        long now = nanoClock.getAsLong();
        lock.lock();
        try {
            sweepIfLarge(now);
            Record record = records.computeIfAbsent(HostLedger.keyOf(address), key -> new Record());
            if (record.forgiveAt - now < 0 && record.failures > 0) {
                record.failures = 0;
            }
            record.failures++;
            long lockout = 0;
            if (record.failures >= tries) {
                lockout = lockoutAfter(record.failures - tries);
                record.lockedUntil = now + lockout;
            }
            record.forgiveAt = now + lockout + 10 * lockoutNanos;
            return Duration.ofNanos(lockout);
        } finally {
            lock.unlock();
        }
    }

    // The first lockout, doubled once per wrong password after it, up to an hour (or the first, if longer).
    private long lockoutAfter(int doublings) {
        long longest = Math.max(LONGEST_LOCKOUT_NANOS, lockoutNanos);
        long lockout = lockoutNanos;
        for (int i = 0; i < doublings && lockout < longest; i++) {
            lockout *= 2;
        }
        return Math.min(lockout, longest);
    }

    /** A right password from {@code address}: its wrong ones are forgotten. */
    public void succeeded(InetAddress address) {
        lock.lock();
        try {
            records.remove(HostLedger.keyOf(address));
        } finally {
            lock.unlock();
        }
    }

    /** "try again in 30 s": the hint a locked-out client gets, rounded up to whole seconds. */
    /** The sentence of {@code too_many_attempts}, with how long the lockout still lasts. */
    public static String tooManyAttempts(Duration left) {
        return "too many wrong passwords from your address; " + retryHint(left);
    }

    public static String retryHint(Duration left) {
        long seconds = (left.toMillis() + 999) / 1000;
        return "try again in " + Math.max(1, seconds) + " s";
    }

    // With the lock held.
    private void sweepIfLarge(long now) {
        if (records.size() > SWEEP_ABOVE) {
            records.values().removeIf(record -> record.forgiveAt - now < 0);
        }
    }
}
