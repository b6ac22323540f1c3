package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SlowOutcomeTest {
    private static final FanoutSettings SETTINGS = new FanoutSettings(20, 2_000, 0, Duration.ofSeconds(5), 400,
            Duration.ofSeconds(2), 4, 1, Duration.ofSeconds(120));

    private static LatencyHistogram flat(long micros) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 100; i++) {
            histogram.record(micros);
        }
        return histogram;
    }

    private static FanoutOutcome without(long p99Micros) {
        return outcome(p99Micros, null);
    }

    /** A run whose stalled member was cut off {@code cutAfterMillis} after it stopped reading. */
    private static FanoutOutcome with(long p99Micros, long cutAfterMillis) {
        FanoutOutcome.StallOutcome stall = new FanoutOutcome.StallOutcome("s1", 0,
                new CutOff(cutAfterMillis * 1_000_000, "send_queue_exceeded", 2_000),
                new StalledMember.Drained(100, 100, 40_000, "error send_queue_exceeded", true), flat(p99Micros),
                new LatencyHistogram());
        return outcome(p99Micros, stall);
    }

    private static FanoutOutcome outcome(long p99Micros, FanoutOutcome.StallOutcome stall) {
        return new FanoutOutcome(SETTINGS, 2_000_000_000L, 100, 100, 5_000_000_000L, flat(p99Micros), 0, 0, 0, 0,
                null, 0, null, null, null, null, true, stall);
    }

    private static SlowOutcome twoPairs() {
        return new SlowOutcome(3, List.of(without(1_000), without(3_000)), List.of(with(1_100, 1_050),
                with(3_600, 1_120)));
    }

    @Test
    void jsonLeadsWithThePooledRatioAndListsEachRunsFigures() {
        Report report = new Report("slow", "LanChat bench slow");
        twoPairs().addTo(report);
        JsonObject json = JsonParser.parseString(report.json()).getAsJsonObject();
        assertEquals(3, json.get("pairsAsked").getAsInt());
        assertEquals(2, json.get("pairs").getAsInt());
        assertEquals(20, json.get("clients").getAsInt());
        assertEquals(3.0, json.get("baselinePooledP99Ms").getAsDouble());
        assertEquals(3.6, json.get("withStallPooledP99Ms").getAsDouble());
        assertEquals(1.2, json.get("p99Ratio").getAsDouble());
        assertEquals("[1.1,1.2]", json.get("pairP99Ratios").toString());
        assertEquals(1.15, json.get("medianPairP99Ratio").getAsDouble());
        assertEquals("[1.0,3.0]", json.get("baselineLatencyP99Ms").toString());
        assertEquals("[1.1,3.6]", json.get("withStallLatencyP99Ms").toString());
        assertEquals("[null,null]", json.get("withStallOtherCores").toString());
        assertEquals("[1.05,1.12]", json.get("stalledMemberCutOffAfterSeconds").toString());
    }

    @Test
    void tableNamesWhichRunsEachSectionHolds() {
        Report report = new Report("slow", "LanChat bench slow");
        twoPairs().addTo(report);
        String table = report.table();
        assertTrue(table.contains("\nwithout a stalled member (A: runs 1, 3)\n"), table);
        assertTrue(table.contains("\nwith one member that never reads (B: runs 2, 4)\n"), table);
        assertTrue(table.matches("(?s).*others' p99 with / without it, pooled +1\\.20 x\n.*"), table);
    }

    @Test
    void needsAsManyRunsWithAsWithout() {
        assertThrows(IllegalArgumentException.class,
                () -> new SlowOutcome(3, List.of(without(1_000)), List.of()));
    }
}
