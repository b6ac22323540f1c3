package lanchat.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class LivenessTest {

    @Test
    void sweepsEverySecondAtTheDefaultIdleTimeout() {
        assertEquals(Duration.ofSeconds(1), Liveness.sweepPeriod(Duration.ofSeconds(30)));
    }

    @Test
    void sweepsAtATenthOfAShortIdleTimeout() {
        assertEquals(Duration.ofMillis(20), Liveness.sweepPeriod(Duration.ofMillis(200)));
    }

    @Test
    void neverSweepsMoreOftenThanEvery10Milliseconds() {
        assertEquals(Duration.ofMillis(10), Liveness.sweepPeriod(Duration.ofMillis(30)));
    }
}
