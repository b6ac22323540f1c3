package lanchat.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ReportTest {

    private static Report sample() {
        return new Report("fanout", "LanChat bench fanout").section("fanout")
                .add("clients", "clients", 50, "")
                .add("latencyP99Ms", "latency p99", 1.23456, "ms")
                .add("serverCpuUsPerDelivery", "server CPU per delivery", Double.NaN, "µs")
                .add("firstLoss", "first disconnect", null, "")
                .add("complete", "complete", true, "");
    }

    @Test
    void jsonIsOneFlatObjectWithUnknownsAsNull() {
        assertEquals("{\"scenario\":\"fanout\",\"clients\":50,\"latencyP99Ms\":1.235,"
                + "\"serverCpuUsPerDelivery\":null,\"firstLoss\":null,\"complete\":true}", sample().json());
    }

    @Test
    void tableShowsLabelsValuesAndUnits() {
        String table = sample().table();
        assertTrue(table.startsWith("LanChat bench fanout\n"), table);
        assertTrue(table.contains("\nfanout\n"), table);
        assertTrue(table.matches("(?s).*latency p99 +1\\.23 ms\n.*"), table);
        assertTrue(table.matches("(?s).*server CPU per delivery +n/a µs\n.*"), table);
    }

    @Test
    void numbersAreFormattedForPeople() {
        assertEquals("245,123", Report.formatted(245_123L));
        assertEquals("245,123", Report.formatted(245_123.4));
        assertEquals("12.3", Report.formatted(12.34));
        assertEquals("0.350", Report.formatted(0.35));
        assertEquals("n/a", Report.formatted(null));
    }
}
