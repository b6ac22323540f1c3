package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the server: everyone hears bye, every socket closes, the port is free again. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownTest {
    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void gracefulShutdownSaysByeToEveryoneAndFreesThePort() throws Exception {
        live = LiveServer.start("--drain-timeout", "0.5");
        TestClient alice = live.registerIn("lobby", "alice");
        TestClient bob = live.registerIn("lobby", "bob");
        TestClient unregistered = live.connect();
        assertEquals(new Event.Joined("lobby", "bob"), alice.expect(Event.Joined.class));
        // Accepted, not just waiting in the backlog: closing the listening socket resets those.
        LiveServer.soon().until(() -> live.server().connectionCount() == 3);
        int port = live.port();

        live.server().close();

        for (TestClient client : List.of(alice, bob)) {
            client.awaitEnd();
            Event last = client.next().message();
            while (last instanceof Event.Left left) {
                // Members may see each other go first: the sessions end one after another.
                assertEquals("server shutting down", left.reason());
                last = client.next().message();
            }
            assertEquals(new Event.Bye("server shutting down"), last);
            assertEquals(true, client.drained());
        }
        unregistered.awaitEnd();
        assertEquals(new Event.Bye("server shutting down"), unregistered.expect(Event.Bye.class));
        assertEquals(0, live.server().openSocketCount());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void closeIsIdempotent() throws Exception {
        live = LiveServer.start();
        live.register("alice");
        live.server().close();
        live.server().close();
        assertEquals(0, live.server().openSocketCount());
    }

    @Test
    void aClientThatIgnoresByeIsClosedAtTheDrainDeadline() throws Exception {
        live = LiveServer.start("--drain-timeout", "0.2");
        TestClient deaf = live.connectWithoutReading();
        LiveServer.soon().until(() -> live.server().connectionCount() == 1);
        long start = System.nanoTime();
        live.server().close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(0, live.server().openSocketCount());
        assertEquals(true, tookMillis < 1_500, "close took " + tookMillis + " ms");
        deaf.close();
    }
}
