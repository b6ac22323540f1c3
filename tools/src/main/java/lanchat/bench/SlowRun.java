package lanchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario {@code slow}: pairs of {@link FanoutRun}s, the first of each without and the second with a member
 * that never reads (A B A B …), each run with its own fresh room and clients. Alternating puts a drift in the
 * other processes' load on both sides of the comparison alike, where one A run then one B run gave it all to
 * one side.
 *
 * <p>{@code --max-seconds} bounds the whole scenario: each run gets the time left as its limit, and a pair
 * starts only while the time left is longer than the longest pair so far took, so the deadline ends the
 * scenario with fewer pairs rather than with a pair cut short. Runs on the caller's (main) thread.
 */
final class SlowRun {
    private final FanoutSettings settings;
    private final int pairs;
    private final ServerTarget server;
    private final RunClock clock = RunClock.startingNow();

    SlowRun(FanoutSettings settings, int pairs, ServerTarget server) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs < 1: " + pairs);
        }
        this.settings = settings;
        this.pairs = pairs;
        this.server = server;
    }

    SlowOutcome run() throws IOException, InterruptedException {
        List<FanoutOutcome> without = new ArrayList<>();
        List<FanoutOutcome> with = new ArrayList<>();
        long longestPairNanos = 0;
        while (without.size() < pairs && timeLeftNanos() > longestPairNanos) {
            long start = clock.now();
            without.add(fanout(false));
            with.add(fanout(true));
            longestPairNanos = Math.max(longestPairNanos, clock.now() - start);
        }
        return new SlowOutcome(pairs, without, with);
    }

    private FanoutOutcome fanout(boolean withStalledMember) throws IOException, InterruptedException {
        Duration timeLeft = Duration.ofNanos(Math.max(0, timeLeftNanos()));
        return new FanoutRun(settings.withMaxTime(timeLeft), server, withStalledMember).run();
    }

    private long timeLeftNanos() {
        return settings.maxTime().toNanos() - clock.now();
    }
}
