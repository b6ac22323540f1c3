package lanchat.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one phase of a fanout (the warm-up or the measured part) from all senders, on one thread of its own
 * named {@code pacer}. One thread for all senders keeps the generator's own CPU and context switches small on
 * a machine it shares with the server.
 *
 * <ul>
 * <li>Rate R &gt; 0: message n (counting across senders, sender n mod C) is due at start + n / R seconds. The
 * pacer sleeps until then, sends, and stamps the text with that <em>due</em> time, so when it or the server
 * falls behind, the delay shows up as latency instead of as silently fewer messages.</li>
 * <li>R = 0: as fast as possible, round robin over the senders whose {@link SendWindow} has room, stamped
 * with the time of the send.</li>
 * </ul>
 *
 * A phase ends when every sender has sent {@code messagesPerSender}, or at {@code endNanos} ({@link RunClock}
 * time), whichever is first. Closing a sender's socket makes the blocked write fail and the phase end.
 */
final class Pacer implements Runnable {
    private final List<LoadClient> senders;
    private final List<StampedText> texts;
    private final List<SendWindow> windows;
    private final RunClock clock;
    private final double rate;
    private final long messagesPerSender;
    private final long endNanos;
    private volatile long sent;
    private volatile IOException failure;

    Pacer(List<LoadClient> senders, List<StampedText> texts, List<SendWindow> windows, RunClock clock,
            double rate, long messagesPerSender, long endNanos) {
        if (senders.isEmpty() || senders.size() != texts.size() || senders.size() != windows.size()) {
            throw new IllegalArgumentException("need one text and one window per sender, got " + senders.size()
                    + " senders, " + texts.size() + " texts, " + windows.size() + " windows");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate < 0: " + rate);
        }
        this.senders = List.copyOf(senders);
        this.texts = List.copyOf(texts);
        this.windows = List.copyOf(windows);
        this.clock = clock;
        this.rate = rate;
        this.messagesPerSender = messagesPerSender;
        this.endNanos = endNanos;
    }

    /** When message {@code n} of a phase that starts at {@code startNanos} is due at {@code rate} per second. */
    static long dueNanos(long startNanos, double rate, long n) {
        return startNanos + (long) (n * (1_000_000_000.0 / rate));
    }

    @Override
    public void run() {
        try {
            if (rate > 0) {
                sendOnSchedule();
            } else {
                sendWhileWindowsHaveRoom();
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    private void sendOnSchedule() throws IOException {
        int count = senders.size();
        long total = total();
        long start = clock.now();
        for (long n = 0; n < total; n++) {
            long due = dueNanos(start, rate, n);
            if (due > endNanos || !sleepUntil(due)) {
                return;
            }
            int sender = (int) (n % count);
            senders.get(sender).send(texts.get(sender).stamp(due));
            sent++;
        }
    }

    private void sendWhileWindowsHaveRoom() throws IOException {
        windows.forEach(window -> window.wake(Thread.currentThread()));
        int count = senders.size();
        long[] sentBy = new long[count];
        long total = total();
        while (sent < total && clock.now() < endNanos && !Thread.currentThread().isInterrupted()) {
            boolean any = false;
            for (int sender = 0; sender < count; sender++) {
                if (sentBy[sender] < messagesPerSender && windows.get(sender).take()) {
                    senders.get(sender).send(texts.get(sender).stamp(clock.now()));
                    sentBy[sender]++;
                    sent++;
                    any = true;
                }
            }
            if (!any) {
                // Every window is full: a receiver's give() unparks us; the timeout re-checks the end time.
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    private long total() {
        int count = senders.size();
        return messagesPerSender > Long.MAX_VALUE / count ? Long.MAX_VALUE : messagesPerSender * count;
    }

    /** Parks until {@code due}; false when interrupted. parkNanos may return early, hence the loop. */
    private boolean sleepUntil(long due) {
        long left;
        while ((left = due - clock.now()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }

    /** Messages sent so far in this phase (all senders). */
    long sent() {
        return sent;
    }

    /** The write that failed and ended the phase early, or null. */
    IOException failure() {
        return failure;
    }
}
