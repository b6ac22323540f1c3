package lanchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * One fanout run: C members join a fresh room, a warm-up is sent and fully received, then the measured part;
 * the server's CPU time is read at the start of the measured part and after its last delivery. For scenario
 * {@code slow}, one {@link StalledMember} joins right after the warm-up and never reads again.
 *
 * <p>Threads: {@link #run()} runs on the caller's thread (the main thread), which connects the members,
 * starts the {@link ReceiveLoop}s that read for them and one {@link Pacer} thread per phase, polls for
 * progress, and at the end stops the loops and closes every socket.
 */
final class FanoutRun {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STALL_DRAIN_QUIET = Duration.ofSeconds(1);
    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;
    private static final double JIT_QUIET_CORES = 0.05;
    private static final Duration MAX_EXTRA_WARMUP = Duration.ofSeconds(30);

    private final FanoutSettings settings;
    private final ServerTarget server;
    private final boolean withStalledMember;
    private final RunClock clock = RunClock.startingNow();
    private final String runId = RunIds.next();
    private final List<Receiver> receivers = new ArrayList<>();
    private final List<ReceiveLoop> loops = new ArrayList<>();
    private final AtomicReference<CutOff> cutOff = new AtomicReference<>();

    FanoutRun(FanoutSettings settings, ServerTarget server, boolean withStalledMember) {
        this.settings = settings;
        this.server = server;
        this.withStalledMember = withStalledMember;
    }

    FanoutOutcome run() throws IOException, InterruptedException {
        long deadline = settings.maxTime().toNanos();
        String room = "bench-" + runId;
        StalledMember stalled = null;
        try {
            String stalledNick = withStalledMember ? "s" + runId : null;
            connectMembers(room, stalledNick);
            long warmupStart = clock.now();
            long warmup = warmUp(deadline);
            long warmupNanos = clock.now() - warmupStart;
            receivers.forEach(receiver -> receiver.measureFrom(warmup + 1));
            if (withStalledMember) {
                // It joins now, so that the whole time it holds the server up falls into the measured part.
                stalled = StalledMember.join(server.address(), stalledNick, room, clock, HANDSHAKE_TIMEOUT);
            }
            server.startRecording();
            ProcessSample serverBefore = server.sample();
            ProcessSample benchBefore = server.sampleBench();
            ProcessSample machineBefore = server.sampleMachine();
            long measureStart = clock.now();
            long end = settings.endsByTime() ? Math.min(deadline, measureStart + settings.measureTime().toNanos())
                    : deadline;
            long measured = sendPhase(settings.measuredPerClient(), end);
            boolean complete = awaitDeliveries(warmup + measured, deadline);
            ProcessSample serverAfter = server.sample();
            ProcessSample benchAfter = server.sampleBench();
            ProcessSample machineAfter = server.sampleMachine();
            server.stopRecording();
            StalledMember.Drained drained = stalled == null ? null : stalled.drain(STALL_DRAIN_QUIET);
            stopReceivers();
            return outcome(warmupNanos, warmup, measured, measureStart, complete && measured > 0,
                    usage(serverBefore, serverAfter), usage(benchBefore, benchAfter),
                    usage(machineBefore, machineAfter), stalled, drained);
        } finally {
            stopReceivers();
            if (stalled != null) {
                stalled.close();
            }
        }
    }

    private void connectMembers(String room, String stalledNick) throws IOException {
        for (int i = 0; i < settings.clients(); i++) {
            LoadClient client = LoadClient.connect(server.address(), "b" + runId + "-" + i, HANDSHAKE_TIMEOUT,
                    RECEIVE_BUFFER_BYTES, RECEIVE_BUFFER_BYTES);
            try {
                client.join(room);
                client.stopTimingOutReads();
            } catch (IOException | RuntimeException e) {
                client.close();
                throw e;
            }
            receivers.add(new Receiver(client, clock, new SendWindow(settings.window()), stalledNick, cutOff));
        }
        int threads = Math.min(settings.receiveThreads(), receivers.size());
        for (int t = 0; t < threads; t++) {
            int first = t;
            List<Receiver> share = IntStream.range(0, receivers.size())
                    .filter(i -> i % threads == first).mapToObj(receivers::get).toList();
            loops.add(new ReceiveLoop("receive loop " + t, share));
        }
    }

    /**
     * Sends {@code --warmup-seconds} at the run's rate, then, while the server's JIT compiler still took more
     * than {@link #JIT_QUIET_CORES} during the last phase, one more second at a time (up to {@link
     * #MAX_EXTRA_WARMUP}): compiling is a start-up cost, not a cost per delivery. Every warm-up message is
     * received before it returns the number sent.
     */
    private long warmUp(long deadline) throws IOException, InterruptedException {
        long sent = 0;
        Duration phase = settings.warmupTime();
        long extraUntil = clock.now() + phase.toNanos() + MAX_EXTRA_WARMUP.toNanos();
        while (!phase.isZero()) {
            ProcessSample before = server.sample();
            long perClient = settings.perClientFor(phase);
            long end = settings.rate() > 0 ? deadline : Math.min(deadline, clock.now() + phase.toNanos());
            sent += sendPhase(perClient, end);
            if (!awaitDeliveries(sent, deadline)) {
                throw new BenchException("the warm-up did not arrive within --max-seconds "
                        + settings.maxTime().toSeconds() + (firstLoss() == null ? "" : ": " + firstLoss()));
            }
            ProcessSample after = server.sample();
            if (before == null || new FanoutOutcome.Usage(before, after).jitCores() < JIT_QUIET_CORES
                    || clock.now() >= extraUntil) {
                break;
            }
            phase = Duration.ofSeconds(1);
        }
        return sent;
    }

    /** Sends one phase on a pacer thread and waits for it; returns how many messages it sent. */
    private long sendPhase(long perClient, long endNanos) throws InterruptedException {
        String room = "bench-" + runId;
        List<LoadClient> senders = receivers.stream().map(Receiver::client).toList();
        List<StampedText> texts = senders.stream()
                .map(sender -> new StampedText(room, settings.payloadChars())).toList();
        List<SendWindow> windows = receivers.stream().map(Receiver::window).toList();
        Pacer pacer = new Pacer(senders, texts, windows, clock, settings.rate(), perClient, endNanos);
        Thread thread = Thread.ofPlatform().name("pacer").start(pacer);
        long waitMillis = Math.max(1, (settings.maxTime().toNanos() - clock.now()) / 1_000_000);
        if (!thread.join(Duration.ofMillis(waitMillis))) {
            // A write blocked past the deadline: closing the sockets makes it fail, and the run ends incomplete.
            stopReceivers();
            thread.join();
            return pacer.sent();
        }
        if (pacer.failure() != null && firstLoss() == null) {
            throw new BenchException("sending failed: " + pacer.failure().getMessage(), pacer.failure());
        }
        return pacer.sent();
    }

    /** Polls until every connected receiver has {@code seqs} distinct seqs; false at the deadline. */
    private boolean awaitDeliveries(long seqs, long deadline) throws InterruptedException {
        while (clock.now() < deadline) {
            boolean done = true;
            boolean anyConnected = false;
            for (Receiver receiver : receivers) {
                if (receiver.lostReason() == null) {
                    anyConnected = true;
                    done &= receiver.distinct() >= seqs;
                }
            }
            if (done || !anyConnected) {
                return done && anyConnected;
            }
            Thread.sleep(2);
        }
        return false;
    }

    private FanoutOutcome outcome(long warmupNanos, long warmup, long measured, long measureStart,
            boolean complete, FanoutOutcome.Usage serverUsage, FanoutOutcome.Usage benchUsage,
            FanoutOutcome.Usage machineUsage, StalledMember stalled, StalledMember.Drained drained) {
        LatencyHistogram latency = new LatencyHistogram();
        LatencyHistogram beforeCut = new LatencyHistogram();
        LatencyHistogram afterCut = new LatencyHistogram();
        long lost = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        long errors = 0;
        long lastDelivery = measureStart;
        int membersLost = 0;
        for (Receiver receiver : receivers) {
            latency.add(receiver.latency());
            latency.add(receiver.latencyAfterCut());
            beforeCut.add(receiver.latency());
            afterCut.add(receiver.latencyAfterCut());
            lost += receiver.seqs().lostUpTo(warmup + measured);
            duplicates += receiver.seqs().duplicates();
            outOfOrder += receiver.seqs().outOfOrder();
            errors += receiver.errors();
            lastDelivery = Math.max(lastDelivery, receiver.lastMeasuredNanos());
            membersLost += receiver.lostReason() == null ? 0 : 1;
        }
        FanoutOutcome.StallOutcome stall = stalled == null ? null : new FanoutOutcome.StallOutcome(stalled.nick(),
                stalled.stalledSinceNanos(), cutOff.get(), drained, beforeCut, afterCut);
        return new FanoutOutcome(settings, warmupNanos, measured, latency.count(), lastDelivery - measureStart,
                latency, lost, duplicates, outOfOrder, membersLost, firstLoss(), errors, firstError(), serverUsage,
                benchUsage, machineUsage, complete, stall);
    }

    private static FanoutOutcome.Usage usage(ProcessSample before, ProcessSample after) {
        return before == null || after == null ? null : new FanoutOutcome.Usage(before, after);
    }

    private String firstLoss() {
        return receivers.stream()
                .map(r -> r.lostReason() == null ? null : r.client().nick() + ": " + r.lostReason())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private String firstError() {
        return receivers.stream().map(Receiver::firstError).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Stops the receive loops, then closes every member's socket. */
    private void stopReceivers() throws InterruptedException {
        for (ReceiveLoop loop : loops) {
            loop.close();
        }
        receivers.forEach(Receiver::stop);
    }
}
