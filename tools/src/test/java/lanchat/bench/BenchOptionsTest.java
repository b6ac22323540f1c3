package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(10)
class BenchOptionsTest {

    private static BenchOptions parse(String... args) {
        BenchOptions options = new BenchOptions();
        BenchOptions.commandLine(options).parseArgs(args);
        options.validate();
        return options;
    }

    private static String rejection(String... args) {
        return assertThrows(BenchException.class, () -> parse(args)).getMessage();
    }

    @Test
    void fanoutDefaultsToTheIssuesFiftyClientsAtFiveThousandPerSecond() {
        FanoutSettings settings = parse("fanout").fanoutSettings();
        assertEquals(50, settings.clients());
        assertEquals(5_000, settings.rate());
        assertEquals(100, settings.payloadChars());
        assertEquals(500, settings.measuredPerClient()); // 5 s at 5,000/s over 50 senders
        assertEquals(Duration.ofSeconds(120), settings.maxTime());
    }

    @Test
    void slowDefaultsToTwentyClientsAtTwoThousandPerSecondWithFourHundredChars() {
        FanoutSettings settings = parse("SLOW").fanoutSettings();
        assertEquals(20, settings.clients());
        assertEquals(2_000, settings.rate());
        assertEquals(400, settings.payloadChars());
    }

    @Test
    void slowRunsThreePairsUnlessToldOtherwise() {
        assertEquals(3, parse("slow").pairs());
        assertEquals(5, parse("slow", "--pairs", "5").pairs());
    }

    @Test
    void rejectsZeroPairs() {
        assertEquals("--pairs must be 1 or more, got 0", rejection("slow", "--pairs", "0"));
    }

    @Test
    void rejectsPairsForFanout() {
        assertEquals("--pairs applies to slow only", rejection("fanout", "--pairs", "3"));
    }

    @Test
    void capacityDefaultsToTenThousandClientsAndRoomForThemOnTheServer() {
        BenchOptions options = parse("capacity", "--threads", "platform");
        assertEquals(10_000, options.clients());
        assertEquals(10_064, options.maxClients());
        assertEquals(BenchOptions.Threads.PLATFORM, options.threads());
    }

    @Test
    void rateZeroWithoutMessageCountEndsByTime() {
        FanoutSettings settings = parse("fanout", "--rate", "0", "--seconds", "3").fanoutSettings();
        assertTrue(settings.endsByTime());
        assertEquals(Long.MAX_VALUE, settings.measuredPerClient());
        assertEquals(Duration.ofSeconds(3), settings.measureTime());
    }

    @Test
    void messagesOverrideSeconds() {
        FanoutSettings settings = parse("fanout", "-c", "10", "-m", "7").fanoutSettings();
        assertEquals(7, settings.measuredPerClient());
        assertEquals(10, settings.clients());
    }

    @Test
    void serverArgsDisableTheRateLimitAndPerAddressLimitsAndPassOptionsThrough() {
        BenchOptions options = parse("fanout", "--threads", "virtual", "--send-queue-bytes", "65536",
                "--server-arg", "--max-frame-bytes", "--server-arg", "4096");
        assertEquals(List.of("--host", "127.0.0.1", "--port", "0", "--rate-limit", "0", "--plain",
                "--max-per-address",
                "2147483647", "--max-unregistered-per-address", "2147483647", "--max-held-per-address",
                "2147483647", "--max-held", "2147483647", "--threads", "virtual",
                "--send-queue-bytes", "65536", "--max-frame-bytes", "4096"), ServerTarget.serverArgs(options));
        assertNull(options.maxClients());
    }

    @Test
    void aRepeatedOptionOverridesTheScriptsDefault() {
        BenchOptions options = parse("fanout", "--server-jar", "a.jar", "--clock-ticks", "100",
                "--server-jar", "b.jar");
        assertEquals(java.nio.file.Path.of("b.jar"), options.serverJar());
    }

    @Test
    void aFlightRecordingNeedsTheServersPid() {
        BenchOptions options = parse("fanout", "--port", "7777", "--server-jfr", "x.jfr");
        BenchException e = assertThrows(BenchException.class, () -> ServerTarget.open(options));
        assertTrue(e.getMessage().contains("--server-pid"), e.getMessage());
    }

    @Test
    void rejectsAHostThatIsNotLoopback() {
        assertTrue(rejection("fanout", "--host", "192.0.2.1", "--port", "7777").contains("loopback"));
    }

    @Test
    void rejectsServerPidWithoutPort() {
        assertTrue(rejection("fanout", "--server-pid", "123").contains("--server-pid needs --port"));
    }

    @Test
    void rejectsAPayloadTooShortForTheStamp() {
        assertEquals("--payload must be from 16 to 4000, got 15", rejection("fanout", "--payload", "15"));
    }

    @Test
    void rejectsFanoutOptionsForCapacity() {
        assertTrue(rejection("capacity", "--rate", "10").contains("not to capacity"));
    }

    @Test
    void rejectsZeroClients() {
        assertEquals("--clients must be 1 or more, got 0", rejection("fanout", "--clients", "0"));
    }

    @Test
    void unknownScenarioIsAParameterError() {
        assertThrows(CommandLine.ParameterException.class, () -> parse("fanin"));
    }
}
