package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
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

    private static Report run(double p99, String firstLoss) {
        return Report.part().add("latencyP99Ms", "latency p99", p99, "ms").add("firstLoss", "first disconnect",
                firstLoss, "");
    }

    @Test
    void addEachListsTheSameFigureOfEveryRunInRunOrder() {
        Report report = new Report("slow", "LanChat bench slow")
                .addEach(List.of(run(1.0, null), run(2.5, "b-1: reset"), run(Double.NaN, null)));
        assertEquals("{\"scenario\":\"slow\",\"latencyP99Ms\":[1.0,2.5,null],"
                + "\"firstLoss\":[null,\"b-1: reset\",null]}", report.json());
        String table = report.table();
        assertTrue(table.matches("(?s).*latency p99 +1\\.00, 2\\.50, n/a ms\n.*"), table);
        assertTrue(table.matches("(?s).*first disconnect +n/a, b-1: reset, n/a\n.*"), table);
    }

    @Test
    void aListWhoseValuesReadTheSameIsShownOnceInTheTable() {
        assertEquals("all 3: 0", Report.formatted(List.of(0L, 0L, 0L)));
        assertEquals("all 2: n/a", Report.formatted(Arrays.asList(null, Double.NaN)));
        assertEquals("0.500", Report.formatted(List.of(0.5)));
    }

    @Test
    void sectionTitlesDoNotWidenTheLabelColumn() {
        String table = new Report("slow", "t").section("a section title far longer than any label of a figure")
                .add("lost", "lost", 0L, "").table();
        assertTrue(table.contains("\n  lost      0\n"), table);
    }

    @Test
    void addEachRejectsRunsWithOtherKeys() {
        Report other = Report.part().add("latencyP50Ms", "latency p50", 1.0, "ms");
        assertThrows(IllegalArgumentException.class,
                () -> new Report("slow", "t").addEach(List.of(run(1.0, null), other)));
    }

    @Test
    void aListValueIsAJsonArray() {
        Report report = new Report("slow", "t").add("pairP99Ratios", "each pair", List.of(1.05, 0.9), "x");
        assertEquals("{\"scenario\":\"slow\",\"pairP99Ratios\":[1.05,0.9]}", report.json());
        assertTrue(report.table().contains("each pair  1.05, 0.900 x"), report.table());
    }
}
