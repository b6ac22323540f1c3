package lanchat.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
public class SendPacerTest {
    private long nowNanos = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    /** A pacer on a fake clock whose sleeps only move the clock on, and are recorded. */
    private SendPacer pacer(int perSecond, int burst) {
        return new SendPacer(perSecond, burst, () -> nowNanos, duration -> {
            sleeps.add(duration);
            nowNanos += duration.toNanos();
        });
    }

    private void sendTimes(SendPacer pacer, int frames) throws InterruptedException {
        for (int i = 0; i < frames; i++) {
            pacer.awaitTurn();
        }
    }

    @Test
    void burstGoesOutAtOnceLessTheHelloAndOneSpare() throws InterruptedException {
        sendTimes(pacer(10, 40), 38);
        assertEquals(List.of(), sleeps);
    }

    @Test
    void framesBeyondTheBurstWaitForNinetyPercentOfTheRate() throws InterruptedException {
        sendTimes(pacer(10, 40), 40);
        // 10 a second at 90 %: a token every 1/9 s; the first wait rounds up, which the second one gets back.
        assertEquals(List.of(Duration.ofNanos(111_111_112), Duration.ofNanos(111_111_111)), sleeps);
    }

    @Test
    void idleTimeRefillsTheBucketUpToItsCapacity() throws InterruptedException {
        SendPacer pacer = pacer(10, 4);
        sendTimes(pacer, 2);
        nowNanos += TimeUnit.SECONDS.toNanos(60);
        sendTimes(pacer, 3);
        assertEquals(List.of(), sleeps);
        pacer.awaitTurn();
        assertEquals(1, sleeps.size());
    }

    @Test
    void burstOfOneMakesEveryFrameWait() throws InterruptedException {
        sendTimes(pacer(20, 1), 3);
        assertEquals(3, sleeps.size());
    }

    @Test
    void rateZeroMeansNoLimit() throws InterruptedException {
        sendTimes(pacer(0, 1), 1_000);
        assertEquals(List.of(), sleeps);
    }
}
