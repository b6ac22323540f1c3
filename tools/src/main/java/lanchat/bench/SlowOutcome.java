package lanchat.bench;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * What scenario {@code slow} measured: the runs without (A) and with (B) the stalled member, in run order, A
 * and B alternating. Its {@link #addTo} report leads with the comparison of the others' p99 (see {@link
 * PairedLatency}), then each figure of the A runs and of the B runs as a list in run order, with the other
 * processes' CPU use among them to show how the machine's load drifted. Immutable once built by {@link
 * SlowRun}.
 *
 * @param pairsAsked {@code --pairs}; more than were run when {@code --max-seconds} came first
 * @param without    the A runs, one per pair
 * @param with       the B runs, one per pair, each with its {@link FanoutOutcome#stall()}
 */
record SlowOutcome(int pairsAsked, List<FanoutOutcome> without, List<FanoutOutcome> with) {
    static final double PERCENT = 99;

    SlowOutcome {
        if (without.isEmpty() || without.size() != with.size()) {
            throw new IllegalArgumentException("runs without and with the stalled member: " + without.size()
                    + " and " + with.size() + ", expected as many of each, at least one");
        }
        without = List.copyOf(without);
        with = List.copyOf(with);
    }

    /** The others' p99 without against with the stalled member, pair by pair. */
    PairedLatency p99() {
        PairedLatency p99 = new PairedLatency(PERCENT);
        for (int i = 0; i < without.size(); i++) {
            p99.add(without.get(i).latency(), with.get(i).latency());
        }
        return p99;
    }

    void addTo(Report report) {
        PairedLatency p99 = p99();
        without.getFirst().addSettingsTo(report, "");
        report.add("pairsAsked", "pairs asked (--pairs)", pairsAsked, "")
                .add("pairs", "pairs run (fewer when --max-seconds came first)", p99.pairs(), "");
        report.section("comparison: the others' latency, A = without, B = with the stalled member")
                .add("baselinePooledP99Ms", "others' p99 without it (A runs pooled)",
                        FanoutOutcome.millis(p99.pooledWithout().percentile(PERCENT)), "ms")
                .add("withStallPooledP99Ms", "others' p99 with it (B runs pooled)",
                        FanoutOutcome.millis(p99.pooledWith().percentile(PERCENT)), "ms")
                .add("p99Ratio", "others' p99 with / without it, pooled", p99.pooledRatio(), "x")
                .add("pairP99Ratios", "the same, each pair", p99.pairRatios(), "x")
                .add("medianPairP99Ratio", "median of the pairs' ratios", p99.medianPairRatio(), "x");
        report.section("without a stalled member (A: runs " + runNumbers(0) + ")")
                .addEach(parts(without, (outcome, part) -> outcome.addFiguresTo(part, "baseline")));
        report.section("with one member that never reads (B: runs " + runNumbers(1) + ")")
                .addEach(parts(with, (outcome, part) -> outcome.addFiguresTo(part, "withStall")));
        report.section("the stalled member (each B run)")
                .addEach(parts(with, (outcome, part) -> outcome.stall().addTo(part)));
    }

    /** "1, 3, 5" for the A runs ({@code first} 0), "2, 4, 6" for the B runs ({@code first} 1). */
    private String runNumbers(int first) {
        return String.join(", ", IntStream.range(0, without.size())
                .mapToObj(pair -> Integer.toString(2 * pair + first + 1)).toList());
    }

    private static List<Report> parts(List<FanoutOutcome> runs, BiConsumer<FanoutOutcome, Report> addTo) {
        return runs.stream().map(outcome -> {
            Report part = Report.part();
            addTo.accept(outcome, part);
            return part;
        }).toList();
    }
}
