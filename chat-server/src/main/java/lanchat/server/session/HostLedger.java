package lanchat.server.session;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What each address has of the server right now: open connections, connections not registered yet, sessions
 * held for a resume, and its file bandwidth; and the held sessions in all. The server's door asks it on the accept
 * thread whether a new connection may come in ({@link #admit}); the session then reports through its
 * {@link Slot} when it registers, is held, stops being held, and closes. Thread-safe; its lock is never held
 * while calling out, and an address without connections or held sessions is forgotten.
 */
public final class HostLedger {
    private final HostLimits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<InetAddress, Entry> entries = new HashMap<>();
    private int heldInAll;

    /** A connection let in (with its slot), or turned away (with a sentence saying why). */
    public record Verdict(Slot slot, String refusal) {
    }

    /** One address's counts; guarded by the ledger's lock, except the bandwidth, which has its own. */
    private static final class Entry {
        final Bandwidth files;
        int connections;
        int unregistered;
        int held;

        Entry(long fileBytesPerSecond) {
            files = new Bandwidth(fileBytesPerSecond);
        }
    }

    public HostLedger(HostLimits limits) {
        this.limits = limits;
    }

    /**
     * The key an address is counted under: an IPv4 address as it is; an IPv6 address by its /64 network, since
     * one host may use any address of its /64 and would otherwise escape every limit.
     */
    public static InetAddress keyOf(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    /** Lets a new connection from {@code address} in, unless the address already has its maximum. */
    public Verdict admit(InetAddress address) {
        InetAddress key = keyOf(address);
        lock.lock();
        try {
            Entry entry = entries.computeIfAbsent(key, k -> new Entry(limits.fileBytesPerSecond()));
            if (entry.connections >= limits.connections()) {
                return new Verdict(null, "your address " + key.getHostAddress() + " already has "
                        + limits.connections() + " connections, the most one address may have; close one first");
            }
            if (entry.unregistered >= limits.unregistered()) {
                return new Verdict(null, "your address " + key.getHostAddress() + " already has "
                        + limits.unregistered() + " connections that have not sent hello; complete those first");
            }
            entry.connections++;
            entry.unregistered++;
            return new Verdict(new Slot(entry, key), null);
        } finally {
            lock.unlock();
        }
    }

    /** Sessions held for a resume right now, every address together. */
    public int heldInAll() {
        lock.lock();
        try {
            return heldInAll;
        } finally {
            lock.unlock();
        }
    }

    // With the lock held.
    private void forgetIfUnused(InetAddress key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.connections == 0 && entry.held == 0) {
            entries.remove(key);
        }
    }

    /**
     * One connection's place in the ledger, and later its held session's. Each method does its step once, however
     * often it is called, from whichever thread: the session's reader, the timer, a resuming newcomer.
     */
    public final class Slot {
        private final Entry entry;
        private final InetAddress key;
        private boolean registered;
        private boolean holding;
        private boolean released;

        private Slot(Entry entry, InetAddress key) {
            this.entry = entry;
            this.key = key;
        }

        /** The connection completed {@code hello}: it no longer counts as unregistered. */
        void registered() {
            lock.lock();
            try {
                if (!registered && !released) {
                    entry.unregistered--;
                }
                registered = true;
            } finally {
                lock.unlock();
            }
        }

        /** The connection was lost: true when its session may be held, false when a limit says no. */
        boolean hold() {
            lock.lock();
            try {
                if (holding || entry.held >= limits.heldPerAddress() || heldInAll >= limits.held()) {
                    return false;
                }
                holding = true;
                entry.held++;
                heldInAll++;
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** The held session was resumed or has ended. */
        void endHold() {
            lock.lock();
            try {
                if (holding) {
                    holding = false;
                    entry.held--;
                    heldInAll--;
                    forgetIfUnused(key);
                }
            } finally {
                lock.unlock();
            }
        }

        /** The connection's socket is closed. */
        public void release() {
            lock.lock();
            try {
                if (released) {
                    return;
                }
                released = true;
                entry.connections--;
                if (!registered) {
                    entry.unregistered--;
                }
                forgetIfUnused(key);
            } finally {
                lock.unlock();
            }
        }

        /**
         * Waits until the address's file bandwidth allows {@code bytes} more: the reader thread then reads no
         * further, so TCP slows the sender down. Reader thread, holding no lock.
         */
        void paceFileBytes(int bytes) throws InterruptedException {
            long waitNanos = entry.files.reserve(bytes);
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
        }
    }
}
