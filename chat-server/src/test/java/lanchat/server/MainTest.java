package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: help, mistakes and a server that cannot listen, through {@link Main#run}'s exit code. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void restoreTestLogging() throws IOException {
        // Main.run sets up the server's logging; go back to src/test/resources/logging.properties.
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertEquals(Main.OK, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        List<String> withDefaults = List.of("--host=HOST", "Default: 0.0.0.0", "--port=PORT", "Default: 7777",
                "--backlog=N", "Default: 50", "--name=NAME", "Default: lanchat", "--motd=TEXT", "Default: none",
                "--password=SECRET", "Default: none", "--max-clients=N", "Default: 1000",
                "--send-queue-bytes=BYTES", "Default: 1048576", "--handshake-timeout=SECONDS", "Default: 10 s",
                "--idle-timeout=SECONDS", "Default: 30 s", "--rate-limit=N", "Default: 20", "--rate-burst=N",
                "Default: 40", "--max-errors=N", "Default: 50", "--drain-timeout=SECONDS", "Default: 2 s",
                "--threads=KIND", "Default: virtual", "--history=N", "Default: 200", "--resume-grace=SECONDS",
                "Default: 60 s", "--data-dir=DIR", "Default: none (history in memory only)", "--fsync=POLICY",
                "Default: batch", "--max-file-bytes=BYTES", "Default: 104857600", "--max-per-address=N", "Default: 32",
                "--max-unregistered-per-address=N", "Default: 16", "--max-held-per-address=N", "Default: 16",
                "--max-held=N", "Default: 1000", "--password-tries=N", "Default: 5", "--password-lockout=SECONDS",
                "Default: 30 s", "--file-rate-per-address=BYTES", "Default: 8388608 (8 MiB)", "--quiet", "--verbose", "--help",
                "--version");
        for (String expected : withDefaults) {
            assertTrue(help.replaceAll("\\s+", " ").contains(expected), "--help lacks " + expected + ":\n" + help);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--port abc | Invalid value for option '--port': 'abc' is not an int",
        "--bogus | Unknown option: '--bogus'",
        "--handshake-timeout -1 | '-1' is negative; expected seconds, e.g. 0.5",
        "--idle-timeout soon | 'soon' is not a number of seconds, e.g. 0.5 or 10",
        "--port 70000 | --port must be 0..65535, got 70000",
        "--send-queue-bytes 10 | --send-queue-bytes must be at least 65540 (one largest frame), got 10",
        "--threads green | Invalid value for option '--threads'",
        "--quiet --verbose | --quiet and --verbose contradict each other; choose one",
        "--history 10001 | --history must be 0..10000, got 10001",
        "--resume-grace -5 | '-5' is negative; expected seconds, e.g. 0.5",
        "--fsync sometimes | Invalid value for option '--fsync'",
        "--max-file-bytes -1 | --max-file-bytes must not be negative, got -1",
        "--max-per-address 0 | --max-per-address must be at least 1, got 0",
        "--password-lockout 0 | --password-lockout must be more than 0 seconds",
        "--coalesce 0.5 | --coalesce must be 0.1 seconds or less (a longer wait makes chat feel slow), got 0.5",
    })
    void commandLineMistakeIsOneLineAndExitCode2(String args, String expected) {
        assertEquals(Main.USAGE, run(args.split(" ")));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("lanchat-server: "), message);
        assertTrue(message.contains(expected), message);
        assertTrue(message.stripTrailing().endsWith("(see --help)"), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void portInUseIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertEquals(Main.CANNOT_START, run("--host", "127.0.0.1", "--port", Integer.toString(port)));
            assertEquals("lanchat-server: cannot listen on 127.0.0.1:" + port + ": the address is already in use "
                    + "(another server running? choose another --port)" + System.lineSeparator(),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void addressOfAnotherMachineIsOneLineAndExitCode1() {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
        assertEquals(Main.CANNOT_START, run("--host", "192.0.2.1", "--port", "0"));
        assertEquals("lanchat-server: cannot listen on 192.0.2.1:0: that address does not belong to this machine"
                + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dataDirThatIsAFileIsOneLineAndExitCode1(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(Main.CANNOT_START, run("--host", "127.0.0.1", "--port", "0", "--data-dir", file.toString()));
        assertEquals("lanchat-server: cannot use " + file + ": " + file + " is not a folder"
                + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
