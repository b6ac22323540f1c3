package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ProcessProbeTest {
    // A real line of /proc/PID/stat, with a command name holding a space and a parenthesis.
    private static final String STAT = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 12345 0 0 0 "
            + "1500 250 0 0 20 0 31 0 123456 5368709120 40000 18446744073709551615 1 1 0 0 0 0 0 4096 17166 0 0 0"
            + " 17 1 0 0 0 0 0\n";
    private static final String STATUS = """
            Name:\tjava
            State:\tS (sleeping)
            VmPeak:\t 5000000 kB
            VmRSS:\t   81234 kB
            RssAnon:\t   70000 kB
            Threads:\t31
            """;

    @Test
    void cpuTicksAreUtimePlusStimeCountedFromTheLastParenthesis() {
        assertEquals(1750, ProcessProbe.cpuTicks(STAT));
    }

    @Test
    void systemTicksAreStime() {
        assertEquals(250, ProcessProbe.systemTicks(STAT));
    }

    @Test
    void threadNamesTellJitAndGcThreadsApart() {
        assertEquals("java (x) y", ProcessProbe.threadName(STAT));
        assertTrue(ProcessProbe.isJit("C2 CompilerThre"));
        assertTrue(ProcessProbe.isJit("C1 CompilerThre"));
        assertTrue(ProcessProbe.isGc("GC Thread#1"));
        assertTrue(ProcessProbe.isGc("G1 Refine#0"));
        assertEquals(false, ProcessProbe.isJit("ForkJoinPool-1-"));
        assertEquals(false, ProcessProbe.isGc("session bob@/1"));
    }

    @Test
    void statusFieldsAreReadByName() {
        assertEquals(81234, ProcessProbe.statusField(STATUS, "VmRSS"));
        assertEquals(31, ProcessProbe.statusField(STATUS, "Threads"));
    }

    @Test
    void rejectsAStatLineWithoutCommandName() {
        assertThrows(IllegalArgumentException.class, () -> ProcessProbe.cpuTicks("4242 java S 1"));
    }

    @Test
    void rejectsAStatusWithoutTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcessProbe.statusField("Name:\tjava\n", "VmRSS"));
        assertTrue(e.getMessage().contains("no VmRSS line"), e.getMessage());
    }

    @Test
    void machineBusyTicksLeaveOutIdleAndIowait() {
        String stat = "cpu  100 5 30 9000 70 2 3 1 0 0\ncpu0 50 2 15 4500 35 1 1 0 0 0\n";
        assertEquals(141, MachineProbe.busyTicks(stat));
    }

    @Test
    void samplesThisVeryProcess() throws IOException {
        ProcessSample sample = ProcessProbe.self(100).sample();
        assertTrue(sample.rssBytes() > 1024 * 1024, "rss " + sample.rssBytes());
        assertTrue(sample.threads() >= 1);
        assertTrue(sample.cpuNanos() > 0);
        assertTrue(sample.jitNanos() <= sample.cpuNanos());
    }
}
