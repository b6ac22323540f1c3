package lanchat.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * The {@code capacity} scenario: N {@link IdleMember}s connect and register (at most a few handshakes at
 * once), are held for a while, and are then pinged once; those that answer are the clients held. The server's
 * RSS is read before the first connect and after the hold, so their difference over the clients held is its
 * memory per connection (heap, stacks, socket buffers and all). Before that, {@code warmupClients} connect,
 * register and quit, so that the figure is that of a warm server (code compiled, the young generation in use) and
 * not of its first minutes: an idle reader that parks before the JIT has compiled the read path keeps a stack
 * three times as large. Few are enough (500 by default): the heap they leave behind is garbage the measured
 * clients may reuse without growing the RSS, so many would flatter the figure.
 *
 * <p>Runs on the main thread, which starts one virtual thread per member and polls their states.
 */
final class CapacityRun {
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);
    private static final int SPARE_FILES = 64;

    private final int clients;
    private final int warmupClients;
    private final int handshakes;
    private final Duration holdTime;
    private final Duration maxTime;
    private final ServerTarget server;
    private final RunClock clock = RunClock.startingNow();
    private final List<IdleMember> members = new ArrayList<>();

    CapacityRun(int clients, int warmupClients, int handshakes, Duration holdTime, Duration maxTime,
            ServerTarget server) {
        this.clients = clients;
        this.warmupClients = warmupClients;
        this.handshakes = handshakes;
        this.holdTime = holdTime;
        this.maxTime = maxTime;
        this.server = server;
    }

    CapacityOutcome run() throws IOException, InterruptedException {
        requireOpenFiles(clients + SPARE_FILES);
        long deadline = maxTime.toNanos();
        warmUp(deadline);
        server.startRecording();
        ProcessSample before = server.sample();
        long rampStart = clock.now();
        try {
            connectAll(members, clients, deadline);
            long rampEnd = members.stream().mapToLong(IdleMember::settledNanos).max().orElse(rampStart);
            sleepUntil(Math.min(deadline, clock.now() + holdTime.toNanos()));
            ProcessSample held = server.sample();
            server.stopRecording();
            int pinged = pingAll();
            int answered = awaitAnswers(Math.min(deadline, clock.now() + PING_TIMEOUT.toNanos()));
            int registered = count(IdleMember.State.REGISTERED) + count(IdleMember.State.DROPPED);
            return new CapacityOutcome(clients, registered,
                    answered, pinged - answered, count(IdleMember.State.REFUSED), count(IdleMember.State.FAILED),
                    firstProblem(), warmupClients, rampEnd - rampStart, before, held);
        } finally {
            members.forEach(IdleMember::close);
        }
    }

    /** Connects, registers and quits {@code warmupClients} members, then gives the server a hold to settle. */
    private void warmUp(long deadline) throws InterruptedException {
        if (warmupClients == 0) {
            return;
        }
        List<IdleMember> warmup = new ArrayList<>();
        try {
            connectAll(warmup, warmupClients, deadline);
        } finally {
            warmup.forEach(IdleMember::quit);
        }
        sleepUntil(Math.min(deadline, clock.now() + holdTime.toNanos()));
    }

    /** Starts {@code count} members, adding them to {@code into}; waits until each registered or failed. */
    private void connectAll(List<IdleMember> into, int count, long deadline) throws InterruptedException {
        Semaphore permits = new Semaphore(handshakes);
        String runId = RunIds.next();
        for (int i = 0; i < count; i++) {
            IdleMember member = new IdleMember(server.address(), "c" + runId + "-" + i, permits, clock);
            into.add(member);
            Thread.ofVirtual().name("idle " + i).start(member);
        }
        while (clock.now() < deadline && into.stream().anyMatch(m -> m.state() == IdleMember.State.CONNECTING)) {
            Thread.sleep(10);
        }
    }

    /** Pings every registered member; returns how many pings went out. */
    private int pingAll() {
        int pinged = 0;
        for (IdleMember member : members) {
            pinged += member.ping() ? 1 : 0;
        }
        return pinged;
    }

    private int awaitAnswers(long until) throws InterruptedException {
        int answered;
        while ((answered = (int) members.stream().filter(IdleMember::answered).count())
                < count(IdleMember.State.REGISTERED) && clock.now() < until) {
            Thread.sleep(10);
        }
        return answered;
    }

    private void sleepUntil(long until) throws InterruptedException {
        long left = until - clock.now();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private int count(IdleMember.State state) {
        return (int) members.stream().filter(member -> member.state() == state).count();
    }

    private String firstProblem() {
        return members.stream().map(IdleMember::problem).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** Fails early, in one sentence, when this process may not open a socket per client. */
    static void requireOpenFiles(long needed) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() < needed) {
            throw new BenchException("the open-file limit is " + unix.getMaxFileDescriptorCount() + ", and "
                    + needed + " clients need " + needed + "; raise it with ulimit -n (scripts/bench raises it to"
                    + " the hard limit), or use fewer --clients");
        }
    }
}
