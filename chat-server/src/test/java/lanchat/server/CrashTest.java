package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process killed with SIGKILL in the middle of a burst: after a restart on the same {@code --data-dir},
 * every message any client had received (its echo included) is in the history, and seq goes on after it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrashTest {
    private static final int CLIENTS = 3;
    private static final int BURST = 2_000;
    private static final int SEEN_BEFORE_THE_KILL = 300;

    @TempDir
    Path dir;

    private final List<TestClient> clients = new ArrayList<>();
    private ServerProcess crashing;
    private LiveServer restarted;

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        if (crashing != null) {
            crashing.close();
        }
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void everyMessageSeenBeforeASigkillIsInTheHistoryAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        crashing = ServerProcess.start(dir.resolve("stdout.txt"), dir.resolve("stderr.txt"), "--plain", "--host",
                "127.0.0.1", "--port", "0", "--data-dir", data.toString(), "--rate-limit", "0", "--history", "10000",
                "--no-discovery");
        for (int i = 0; i < CLIENTS; i++) {
            TestClient client = TestClient.registered(crashing.port(), "c" + i);
            client.join("lobby");
            clients.add(client);
        }
        clients.forEach(client -> Thread.ofVirtual().start(() -> burst(client)));

        List<Event.Message> seen = new ArrayList<>();
        TestClient first = clients.getFirst();
        while (seen.size() < SEEN_BEFORE_THE_KILL) {
            if (first.next().message() instanceof Event.Message message) {
                seen.add(message);
            }
        }
        crashing.kill();
        for (TestClient client : clients) {
            client.awaitEnd();
            while (!client.drained()) {
                if (client.next().message() instanceof Event.Message message) {
                    seen.add(message);
                }
            }
        }

        restarted = LiveServer.start("--data-dir", data.toString(), "--history", "10000");
        TestClient reader = restarted.registerIn("lobby", "reader");
        List<Event.Message> history = reader.sync().stream().map(Event.Message.class::cast).toList();
        long last = history.getLast().seq();
        assertEquals(LongStream.rangeClosed(1, last).boxed().toList(),
                history.stream().map(Event.Message::seq).toList(), "the file holds every seq up to the last");
        Map<Long, Event.Message> bySeq = history.stream().collect(Collectors.toMap(Event.Message::seq,
                Function.identity()));
        for (Event.Message message : seen) {
            Event.Message kept = bySeq.get(message.seq());
            assertTrue(kept != null, "seq " + message.seq() + " was seen but is not in the history (last "
                    + last + ")");
            assertEquals(message.from() + ":" + message.text(), kept.from() + ":" + kept.text());
        }
        assertTrue(seen.size() >= SEEN_BEFORE_THE_KILL && last < (long) CLIENTS * BURST,
                "killed in the middle of the burst: " + seen.size() + " seen, " + last + " kept");
        reader.send(new Command.Say("lobby", "after the crash"));
        assertEquals(last + 1, reader.expect(Event.Message.class).seq());
    }

    /** Says {@link #BURST} lines as fast as the socket takes them; stops quietly when the server is gone. */
    private static void burst(TestClient client) {
        try {
            for (int i = 1; i <= BURST; i++) {
                client.send(new Command.Say("lobby", client.nick() + " line " + i));
            }
        } catch (IOException e) {
            // the server was killed: that is the point
        }
    }
}
