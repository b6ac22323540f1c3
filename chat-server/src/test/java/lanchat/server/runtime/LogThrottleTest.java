package lanchat.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class LogThrottleTest {
    private final Logger log = Logger.getLogger("lanchat.server.LogThrottleTest");
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - 500_000_000L);

    LogThrottleTest() {
        log.setUseParentHandlers(false);
        log.setLevel(Level.INFO);
        log.addHandler(capture);
    }

    @AfterEach
    void detach() {
        log.removeHandler(capture);
    }

    @Test
    void floodIsCutToTheBudgetAndSummedUpInTheNextSecond() {
        LogThrottle throttle = new LogThrottle(log, 3, nanos::get);
        for (int i = 1; i <= 1_000; i++) {
            int n = i;
            throttle.info(() -> "connect " + n);
        }
        assertEquals(List.of("connect 1", "connect 2", "connect 3"), lines);
        // A second later (across the wrap of nanoTime values).
        nanos.addAndGet(1_000_000_000L);
        throttle.info(() -> "connect late");
        assertEquals(List.of("connect 1", "connect 2", "connect 3", "997 similar lines suppressed", "connect late"),
                lines);
    }

    @Test
    void linesWithinTheBudgetAreAllLoggedAndNothingIsSummedUp() {
        LogThrottle throttle = new LogThrottle(log, 2, nanos::get);
        throttle.info(() -> "a");
        throttle.info(() -> "b");
        nanos.addAndGet(1_000_000_000L);
        throttle.info(() -> "c");
        assertEquals(List.of("a", "b", "c"), lines);
    }
}
