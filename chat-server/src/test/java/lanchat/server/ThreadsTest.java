package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The threads of a connection, seen with {@code --threads platform} (platform threads are listed by
 * {@link Thread#getAllStackTraces()}, virtual ones are not): named for the client, and gone with it.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadsTest {
    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void eachConnectionHasANamedReaderAndWriter() throws Exception {
        live = LiveServer.start("--threads", "platform");
        TestClient alice = live.register("alice");
        alice.sync();
        List<String> names = connectionThreads();
        assertEquals(2, names.size(), names.toString());
        assertEquals("outbox alice", names.get(0));
        assertEquals(true, names.get(1).matches("session alice@/127\\.0\\.0\\.1:\\d+"), names.get(1));
    }

    @Test
    void noThreadOrSocketOutlivesItsConnection() throws Exception {
        live = LiveServer.start("--threads", "platform", "--handshake-timeout", "0.3", "--drain-timeout", "0.3");
        TestClient quitter = live.registerIn("lobby", "quitter");
        quitter.send(new Command.Quit(null));
        live.registerIn("lobby", "dropper").close();
        live.connect().sendRaw(new byte[] {0x7f, 0, 0, 0});
        TestClient truncating = live.connect();
        truncating.sendRaw(new byte[] {0, 0, 0, 9, '{'});
        truncating.shutdownOutput();
        live.connect();
        live.connectWithoutReading();
        quitter.expect(Event.Bye.class);

        LiveServer.soon().until(() -> live.server().openSocketCount() == 0);
        LiveServer.soon().until(() -> connectionThreads().isEmpty());
    }

    private static List<String> connectionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("session ") || name.startsWith("outbox "))
                .sorted()
                .toList();
    }
}
