package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole load path (connect, join, pace, receive, check) at a tiny size, against {@link TinyRelay}. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoadAgainstTinyRelayTest {
    private TinyRelay relay;
    private ServerTarget target;

    @BeforeEach
    void start() throws Exception {
        relay = new TinyRelay(15);
        BenchOptions options = new BenchOptions();
        String port = Integer.toString(relay.address().getPort());
        BenchOptions.commandLine(options).parseArgs("fanout", "--port", port);
        target = ServerTarget.open(options);
    }

    @AfterEach
    void stop() throws Exception {
        target.close();
        relay.close();
    }

    private static FanoutSettings settings(double rate, long messages) {
        return new FanoutSettings(3, rate, messages, Duration.ofSeconds(1), 32, Duration.ofMillis(20), 2, 2,
                Duration.ofSeconds(15));
    }

    @Test
    void pacedFanoutDeliversEveryMessageToEveryMemberInOrder() throws Exception {
        FanoutOutcome outcome = new FanoutRun(settings(600, 20), target, false).run();
        assertTrue(outcome.complete());
        assertEquals(60, outcome.messages());
        assertEquals(180, outcome.deliveries());
        assertEquals(180, outcome.latency().count());
        assertEquals(0, outcome.lost());
        assertEquals(0, outcome.outOfOrder());
        assertEquals(0, outcome.duplicates());
        assertNull(outcome.server(), "no pid given, so no server figures");
        assertTrue(outcome.seconds() >= 0.09, "60 messages at 600/s take 0.1 s, took " + outcome.seconds());
    }

    @Test
    void unpacedFanoutIsBoundedByItsWindows() throws Exception {
        FanoutOutcome outcome = new FanoutRun(settings(0, 50), target, false).run();
        assertTrue(outcome.complete());
        assertEquals(450, outcome.deliveries());
        assertEquals(0, outcome.lost());
    }

    @Test
    void capacityCountsHeldAndRefusedClients() throws Exception {
        CapacityOutcome outcome = new CapacityRun(20, 0, 4, Duration.ZERO, Duration.ofSeconds(15), target).run();
        assertEquals(15, outcome.held());
        assertEquals(5, outcome.refused());
        assertEquals(0, outcome.failed());
    }
}
