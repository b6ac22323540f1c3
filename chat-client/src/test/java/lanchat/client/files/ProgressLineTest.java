package lanchat.client.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String SHA = "0".repeat(64);

    private final List<List<String>> shown = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(System.nanoTime());
    private final ProgressLine progress = new ProgressLine(new Recording(true), clock::get);

    @Test
    void movingTransferShowsPercentRateAndTimeLeft() {
        IncomingTransfer transfer = receiving(5 * 1024 * 1024);
        transfer.progressed(2 * 1024 * 1024);
        long twoSecondsIn = transfer.startedNanos() + 2 * SECOND;
        assertEquals("report.pdf [k3f9q2] from alice: 40% of 5.0 MiB, 1.0 MiB/s, 0:03 left",
                ProgressLine.describe(transfer, twoSecondsIn));
    }

    @Test
    void rateIsLeftOutUntilItMeansSomething() {
        IncomingTransfer transfer = receiving(1000);
        transfer.progressed(10);
        assertEquals("report.pdf [k3f9q2] from alice: 1% of 1000 B",
                ProgressLine.describe(transfer, transfer.startedNanos() + SECOND / 10));
    }

    @Test
    void preparingAndCheckingSayWhatTheyDo() {
        OutgoingTransfer sending = new OutgoingTransfer("p4q8rt", "carol", Path.of("big.iso"), "big.iso", 200, null,
                null);
        sending.progressed(80);
        assertEquals("big.iso [p4q8rt] to carol: computing the checksum, 40%", ProgressLine.describe(sending, 0));
        sending.moveTo(Transfer.Stage.PREPARING, Transfer.Stage.CHECKING);
        assertEquals("big.iso [p4q8rt] to carol: sent; carol is checking it", ProgressLine.describe(sending, 0));
    }

    @Test
    void updatesComeAtMostOncePerIntervalExceptWhenForced() {
        IncomingTransfer transfer = receiving(100);
        progress.update(List.of(transfer), false);
        progress.update(List.of(transfer), false);
        clock.addAndGet(SECOND / 2);
        progress.update(List.of(transfer), false);
        progress.update(List.of(transfer), true);
        assertEquals(3, shown.size());
    }

    @Test
    void offersShowNoLineAndTheLinesAreClearedOnce() {
        IncomingTransfer offered = new IncomingTransfer("x7m2pq", "alice", "photo.jpg", 10, SHA);
        progress.update(List.of(offered), true);
        assertEquals(List.of(), shown);
        IncomingTransfer moving = receiving(100);
        progress.update(List.of(moving), true);
        progress.update(List.of(), true);
        progress.update(List.of(), true);
        assertEquals(List.of(List.of("report.pdf [k3f9q2] from alice: 0% of 100 B"), List.of()), shown);
    }

    @Test
    void periodicLinesComeOnlyEveryIntervalAndAreNeverCleared() {
        ProgressLine periodic = new ProgressLine(new Recording(false), clock::get);
        IncomingTransfer transfer = receiving(100);
        periodic.update(List.of(transfer), true);
        periodic.update(List.of(transfer), false);
        assertEquals(List.of(), shown, "a transfer shorter than the interval gets no line");
        clock.addAndGet(SECOND / 4);
        periodic.update(List.of(transfer), false);
        periodic.update(List.of(), true);
        clock.addAndGet(SECOND / 4);
        periodic.update(List.of(), false);
        assertEquals(List.of(List.of("report.pdf [k3f9q2] from alice: 0% of 100 B")), shown);
    }

    @Test
    void sizesReadLikeAPersonWouldSayThem() {
        assertEquals("0 B", Sizes.bytes(0));
        assertEquals("1023 B", Sizes.bytes(1023));
        assertEquals("1.0 KiB", Sizes.bytes(1024));
        assertEquals("5.0 MiB", Sizes.bytes(5 * 1024 * 1024));
        assertEquals("100.0 MiB", Sizes.bytes(104_857_600));
        assertEquals("1.5 GiB", Sizes.bytes(3L << 29));
        assertEquals("3.2 MiB/s", Sizes.rate(3.2 * 1024 * 1024));
        assertEquals("0:07", Sizes.clock(Duration.ofSeconds(7)));
        assertEquals("1:02:03", Sizes.clock(Duration.ofSeconds(3723)));
    }

    /** An incoming transfer that has started receiving (into nowhere: only its counters are used). */
    private static IncomingTransfer receiving(long size) {
        IncomingTransfer transfer = new IncomingTransfer("k3f9q2", "alice", "report.pdf", size, SHA);
        transfer.moveTo(Transfer.Stage.OFFERED, Transfer.Stage.MOVING);
        transfer.startClock();
        return transfer;
    }

    /** Keeps what would be shown; redraws in place, like the console's status line, or prints periodically. */
    private final class Recording implements TransferOutput {
        private final boolean inPlace;

        Recording(boolean inPlace) {
            this.inPlace = inPlace;
        }

        @Override
        public void transfer(String text) {
        }

        @Override
        public void notice(String text) {
        }

        @Override
        public void progress(List<String> lines) {
            shown.add(lines);
        }

        @Override
        public Duration progressInterval() {
            return Duration.ofMillis(250);
        }

        @Override
        public boolean progressInPlace() {
            return inPlace;
        }
    }
}
