package lanchat.client.files;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The progress of the transfers under way, one line each, and when to show it: at most once per
 * {@link TransferOutput#progressInterval()} while bytes move, and, when the output redraws in place, at once when a
 * transfer starts or ends.
 *
 * <pre>
 * report.pdf [k3f9q2] to bob: 42% of 5.0 MiB, 3.2 MiB/s, 0:01 left
 * photo.jpg [x7m2pq] from alice: 3% of 12.0 MiB, 1.1 MiB/s, 0:10 left
 * big.iso [p4q8rt] to carol: computing the checksum, 40%
 * </pre>
 *
 * <p>Thread-safe: the reader thread and the transfers' threads call {@link #update}; one lock keeps the output's
 * calls in order.
 */
final class ProgressLine {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    // Too soon after the start for a rate to mean anything.
    private static final long MIN_RATE_NANOS = NANOS_PER_SECOND / 5;

    private final TransferOutput output;
    private final long intervalNanos;
    private final boolean inPlace;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private long shownNanos;
    private boolean showing;

    ProgressLine(TransferOutput output, LongSupplier nanoClock) {
        this.output = output;
        this.intervalNanos = output.progressInterval().toNanos();
        this.inPlace = output.progressInPlace();
        this.nanoClock = nanoClock;
        // Periodic lines start after one interval: a file that takes less gets none.
        this.shownNanos = nanoClock.getAsLong() - (inPlace ? intervalNanos : 0);
    }

    /** Shows the progress of {@code transfers} if it is time to ({@code now}: it is, whatever the interval). */
    void update(Collection<Transfer> transfers, boolean now) {
        lock.lock();
        try {
            long time = nanoClock.getAsLong();
            if (!(now && inPlace) && time - shownNanos < intervalNanos) {
                return;
            }
            List<String> lines = transfers.stream().filter(ProgressLine::isUnderWay)
                    .map(transfer -> describe(transfer, time)).sorted().toList();
            if (lines.isEmpty() && (!showing || !inPlace)) {
                return;
            }
            output.progress(lines);
            showing = !lines.isEmpty();
            shownNanos = time;
        } finally {
            lock.unlock();
        }
    }

    /** One transfer's line at {@code nowNanos} ({@code System.nanoTime()} scale). */
    static String describe(Transfer transfer, long nowNanos) {
        String head = transfer.name() + " [" + transfer.id() + "] " + transfer.direction() + ": ";
        return switch (transfer.stage()) {
            case PREPARING -> head + transfer.activity() + ", " + percent(transfer) + "%";
            case MOVING -> head + percent(transfer) + "% of " + Sizes.bytes(transfer.size()) + speed(transfer,
                    nowNanos);
            case OFFERED, CHECKING, ENDED -> head + transfer.activity();
        };
    }

    private static boolean isUnderWay(Transfer transfer) {
        return switch (transfer.stage()) {
            case PREPARING, MOVING, CHECKING -> true;
            case OFFERED, ENDED -> false;
        };
    }

    static long percent(Transfer transfer) {
        return transfer.size() == 0 ? 100 : transfer.bytesDone() * 100 / transfer.size();
    }

    /** ", 3.2 MiB/s, 0:01 left", or nothing while it is too early to tell. */
    private static String speed(Transfer transfer, long nowNanos) {
        long elapsed = nowNanos - transfer.startedNanos();
        long done = transfer.bytesDone();
        if (elapsed < MIN_RATE_NANOS || done == 0) {
            return "";
        }
        double bytesPerSecond = (double) done * NANOS_PER_SECOND / elapsed;
        long secondsLeft = (long) Math.ceil((transfer.size() - done) / bytesPerSecond);
        return String.format(Locale.ROOT, ", %s, %s left", Sizes.rate(bytesPerSecond),
                Sizes.clock(Duration.ofSeconds(secondsLeft)));
    }
}
