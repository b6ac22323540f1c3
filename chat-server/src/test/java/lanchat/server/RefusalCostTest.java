package lanchat.server;

import lanchat.server.transport.Refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A connection turned away at the door costs no session: its error, then its socket closed within the linger. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RefusalCostTest {
    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void serverFullIsClosedWithinTheLingerEvenIfTheClientStaysSilent() throws Exception {
        live = LiveServer.start("--max-clients", "1", "--drain-timeout", "10");
        live.register("alice");
        TestClient refused = live.connectFrom("127.0.0.2");
        refused.expectError(ErrorCode.SERVER_FULL);
        // Far sooner than --drain-timeout: a refused connection has no session to drain.
        LiveServer.soon().atMost(Refusals.LINGER.plus(Duration.ofMillis(750)))
                .until(() -> live.server().openSocketCount() == 1);
        refused.awaitEnd();
        assertEquals(1, live.server().connectionCount());
    }

    @Test
    void aHelloSentBeforeTheRefusalDoesNotDestroyTheError() throws Exception {
        live = LiveServer.start("--max-per-address", "1");
        live.registerFrom("127.0.0.2", "first");
        TestClient second = live.track(TestClient.connectFromSending("127.0.0.2", live.port(),
                new Command.Hello("second")));
        second.expectError(ErrorCode.TOO_MANY_CONNECTIONS);
        second.awaitEnd();
    }
}
