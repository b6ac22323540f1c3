package lanchat.bench;

/**
 * What one fanout run measured, with the figures derived from it. Immutable once built by {@link FanoutRun}
 * (the histogram is not touched after that).
 *
 * @param settings        what was asked for
 * @param warmupNanos     how long the warm-up took (longer than asked while the server's JIT was busy)
 * @param messages        measured messages sent (all senders)
 * @param deliveries      measured messages received (all receivers): messages x clients when nothing is lost
 * @param measuredNanos   from the start of the measured part to its last delivery
 * @param latency         end-to-end latency of the measured deliveries, scheduled send to receive
 * @param lost            seqs (warm-up included) some receiver never got, summed over receivers
 * @param duplicates      seqs a receiver got twice
 * @param outOfOrder      seqs a receiver got after a higher one
 * @param membersLost     receivers the server disconnected
 * @param firstLoss       why the first of them was lost, or null
 * @param errors          error events the receivers got
 * @param firstError      the first of them, or null
 * @param server          the server's CPU and memory over the measured part, or null when its pid is unknown
 * @param bench           the same for this benchmark process
 * @param machine         the busy CPU time of the whole machine over the measured part
 * @param complete        false when {@code --max-seconds} ended the run before every delivery arrived
 * @param stall           what happened to the stalled member, or null when there was none
 */
record FanoutOutcome(FanoutSettings settings, long warmupNanos, long messages, long deliveries,
        long measuredNanos, LatencyHistogram latency, long lost, long duplicates, long outOfOrder, int membersLost,
        String firstLoss, long errors, String firstError, Usage server, Usage bench, Usage machine,
        boolean complete, StallOutcome stall) {

    /** Adds the settings and the figures, their JSON keys prefixed with {@code prefix} (may be empty). */
    void addTo(Report report, String prefix) {
        addSettingsTo(report, prefix);
        addFiguresTo(report, prefix);
    }

    /** Adds what was asked for: clients, rate, payload. */
    void addSettingsTo(Report report, String prefix) {
        Keys keys = new Keys(prefix);
        report.add(keys.of("clients"), "clients", settings.clients(), "")
                .add(keys.of("rate"), "rate (0 = as fast as possible)", settings.rate(), "msg/s")
                .add(keys.of("payloadChars"), "payload", settings.payloadChars(), "chars");
    }

    /** Adds what was measured, from the warm-up's length on. */
    void addFiguresTo(Report report, String prefix) {
        Keys keys = new Keys(prefix);
        report.add(keys.of("warmupSeconds"), "warm-up (longer while the server's JIT compiles)",
                        warmupNanos / 1e9, "s")
                .add(keys.of("messages"), "messages measured", messages, "")
                .add(keys.of("deliveries"), "deliveries measured", deliveries, "")
                .add(keys.of("seconds"), "measured for", seconds(), "s")
                .add(keys.of("deliveriesPerSecond"), "deliveries/s", deliveriesPerSecond(), "/s")
                .add(keys.of("latencyP50Ms"), "latency p50", millis(latency.percentile(50)), "ms")
                .add(keys.of("latencyP90Ms"), "latency p90", millis(latency.percentile(90)), "ms")
                .add(keys.of("latencyP99Ms"), "latency p99", millis(latency.percentile(99)), "ms")
                .add(keys.of("latencyP999Ms"), "latency p99.9", millis(latency.percentile(99.9)), "ms")
                .add(keys.of("latencyMaxMs"), "latency max", millis(latency.max()), "ms")
                .add(keys.of("lost"), "lost (seqs never received)", lost, "")
                .add(keys.of("duplicates"), "duplicates", duplicates, "")
                .add(keys.of("outOfOrder"), "out of order", outOfOrder, "")
                .add(keys.of("membersLost"), "members disconnected", membersLost, "")
                .add(keys.of("firstLoss"), "first disconnect", firstLoss, "")
                .add(keys.of("errors"), "error events", errors, "")
                .add(keys.of("firstError"), "first error", firstError, "")
                .add(keys.of("serverCpuUsPerDelivery"), "server CPU per delivery", cpuMicros(server), "µs")
                .add(keys.of("serverCpuUsPerDeliveryNoJit"), "server CPU per delivery, JIT compiler excluded",
                        server == null ? null : server.cpuMicrosPer(deliveries, false), "µs")
                .add(keys.of("serverCores"), "server CPU use", server == null ? null : server.cores(), "cores")
                .add(keys.of("serverJitCores"), "of which JIT compiler", server == null ? null
                        : server.jitCores(), "cores")
                .add(keys.of("serverGcCores"), "of which garbage collector", server == null ? null
                        : server.gcCores(), "cores")
                .add(keys.of("serverSystemShare"), "server CPU in the kernel (system calls)",
                        server == null ? null : server.after().systemShareSince(server.before()) * 100, "%")
                .add(keys.of("serverRssMiB"), "server RSS at end", server == null ? null
                        : server.after().rssBytes() / 1048576.0, "MiB")
                .add(keys.of("benchCpuUsPerDelivery"), "load generator CPU per delivery", cpuMicros(bench), "µs")
                .add(keys.of("benchCores"), "load generator CPU use", bench == null ? null : bench.cores(),
                        "cores")
                .add(keys.of("otherCores"), "other processes' CPU use", otherCores(), "cores")
                .add(keys.of("complete"), "complete (all sent, all received in time)", complete, "");
    }

    /** What the rest of the machine took meanwhile (a build next door); null when the server's pid is unknown. */
    private Double otherCores() {
        if (machine == null || server == null || bench == null) {
            return null;
        }
        return Math.max(0, machine.cores() - server.cores() - bench.cores());
    }

    private Double cpuMicros(Usage usage) {
        return usage == null ? null : usage.cpuMicrosPer(deliveries);
    }

    static double millis(long micros) {
        return micros / 1000.0;
    }

    double seconds() {
        return measuredNanos / 1e9;
    }

    double deliveriesPerSecond() {
        return measuredNanos == 0 ? 0 : deliveries / seconds();
    }

    /**
     * CPU and memory of a process over the measured part.
     *
     * @param before at the start of the measured part
     * @param after  after its last delivery
     */
    record Usage(ProcessSample before, ProcessSample after) {

        /** CPU microseconds per delivery, or NaN without deliveries. */
        double cpuMicrosPer(long deliveries) {
            return cpuMicrosPer(deliveries, true);
        }

        /** CPU microseconds per delivery, with or without the JIT compiler's share; NaN without deliveries. */
        double cpuMicrosPer(long deliveries, boolean withJit) {
            long cpu = after.cpuNanosSince(before) - (withJit ? 0 : jitNanos());
            return deliveries == 0 ? Double.NaN : cpu / 1e3 / deliveries;
        }

        /** The JIT compiler threads' CPU time over wall time. */
        double jitCores() {
            long wall = after.wallNanosSince(before);
            return wall == 0 ? 0 : (double) jitNanos() / wall;
        }

        /** The garbage collector threads' CPU time over wall time. */
        double gcCores() {
            long wall = after.wallNanosSince(before);
            return wall == 0 ? 0 : (double) Math.max(0, after.gcNanos() - before.gcNanos()) / wall;
        }

        // A compiler thread that ends takes its time out of the sum: never count less than nothing.
        private long jitNanos() {
            return Math.max(0, after.jitNanos() - before.jitNanos());
        }

        /** CPU time over wall time: 1.0 is one core busy all along. */
        double cores() {
            long wall = after.wallNanosSince(before);
            return wall == 0 ? 0 : (double) after.cpuNanosSince(before) / wall;
        }
    }

    /** JSON keys with a prefix: {@code latencyP99Ms} becomes {@code stalledLatencyP99Ms}. */
    record Keys(String prefix) {
        String of(String key) {
            return prefix.isEmpty() ? key : prefix + Character.toUpperCase(key.charAt(0)) + key.substring(1);
        }
    }

    /**
     * The stalled member's fate.
     *
     * @param nick           its nick
     * @param stalledSince   {@link RunClock} time when it stopped reading
     * @param cutOff         the {@code left} the others saw, or null when the server never cut it off
     * @param drained        what reached it, read after the run
     * @param othersBeforeCut the others' latency until they saw it leave (all of it, if it never left)
     * @param othersAfterCut the others' latency after they saw it leave
     */
    record StallOutcome(String nick, long stalledSince, CutOff cutOff, StalledMember.Drained drained,
            LatencyHistogram othersBeforeCut, LatencyHistogram othersAfterCut) {

        void addTo(Report report) {
            report.add("stalledMemberCutOff", "cut off", cutOff != null, "")
                    .add("othersP99WhileStalledMs", "others' p99 while it was a member", millis(
                            othersBeforeCut.percentile(99)), "ms")
                    .add("othersP99AfterCutMs", "others' p99 after it was cut off",
                            othersAfterCut.count() == 0 ? null : millis(othersAfterCut.percentile(99)), "ms")
                    .add("stalledMemberCutOffAfterSeconds", "cut off after it stopped reading",
                            secondsToCutOff(), "s")
                    .add("stalledMemberLeftReason", "reason the others saw (left)", cutOff == null ? null
                            : cutOff.reason(), "")
                    .add("stalledMemberTold", "what it was told before the close", drained.told(), "")
                    .add("stalledMemberClosedByServer", "connection closed by the server", drained.closed(), "")
                    .add("stalledMemberMessagesReceived", "messages it could read after the run",
                            drained.messages(), "")
                    .add("stalledMemberBytesReceivedKiB", "the same in KiB (held by kernel socket buffers)",
                            drained.messageBytes() / 1024.0, "KiB")
                    .add("stalledMemberDroppedMessages", "messages it never got (dropped at the cut)",
                            droppedMessages(), "")
                    .add("stalledMemberDroppedKiB", "the same in KiB (the server's queue at the cut)",
                            droppedBytes() < 0 ? null : droppedBytes() / 1024.0, "KiB");
        }

        /** Seconds from the stall to the cut; NaN when not cut off. */
        double secondsToCutOff() {
            return cutOff == null ? Double.NaN : (cutOff.atNanos() - stalledSince) / 1e9;
        }

        /**
         * Messages the room had said up to the cut that never reached it, not even after the run, when it
         * read everything the kernels still held: those the server dropped from its queue. -1 when not cut
         * off.
         */
        long droppedMessages() {
            return cutOff == null ? -1 : Math.max(0, cutOff.roomSeq() - drained.lastSeq());
        }

        /**
         * Those messages in bytes, at the average frame size it got: about what the server's queue held at
         * the cut. -1 when not cut off or when no message reached it to size them by.
         */
        long droppedBytes() {
            if (cutOff == null || drained.messages() == 0) {
                return -1;
            }
            return Math.round(droppedMessages() * drained.averageMessageBytes());
        }
    }
}
