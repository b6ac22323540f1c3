package lanchat.server;

import lanchat.server.session.Frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.wire.FrameWriter;
import lanchat.protocol.json.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When memory runs out anyway, the server process ends at once, with a clear line and a non-zero exit code, as
 * scripts/server runs it ({@code -XX:+ExitOnOutOfMemoryError}): never a half-alive server. The bounds are lifted
 * on purpose (a huge history budget and send queue, a 24 MiB heap) and one client that never reads fills them.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OutOfMemoryTest {

    @Test
    void runningOutOfMemoryEndsTheProcessLoudlyWithANonZeroExit(@TempDir Path dir) throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx24m", "-XX:+UseSerialGC"), stdout, stderr,
                "--host", "127.0.0.1", "--port", "0", "--plain", "--no-discovery", "--rate-limit", "0", "--history", "10000",
                "--history-bytes", "1000000000", "--send-queue-bytes", "2000000000", "--idle-timeout", "0")) {
            fillUntilTheServerIsGone(server.port());
            assertTrue(server.process().waitFor(15, TimeUnit.SECONDS), "the server did not end");
            // The JVM's own last line goes to stdout, after the "listening" line.
            String output = Files.readString(stdout) + Files.readString(stderr);
            assertEquals(3, server.process().exitValue(), output);
            assertTrue(output.contains("Terminating due to java.lang.OutOfMemoryError: Java heap space"), output);
        }
    }

    // Says the longest texts there are, in a non-Latin script (two bytes a character in a Java string), and never
    // reads: every echo waits in the outbox and every message in the history. Bounded: 20,000 messages at most.
    private static void fillUntilTheServerIsGone(int port) throws IOException {
        String text = "ж".repeat(4_000);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(frame(new Command.Hello("filler")));
            out.write(frame(new Command.Join("lobby")));
            byte[] say = frame(new Command.Say("lobby", text, false));
            for (int i = 0; i < 20_000; i++) {
                out.write(say);
            }
        } catch (IOException e) {
            // The server ended, which is what the test waits for.
        }
    }

    private static byte[] frame(Command command) {
        return FrameWriter.frame(MessageCodec.encode(command), Frames.MAX_FRAME_BYTES);
    }
}
