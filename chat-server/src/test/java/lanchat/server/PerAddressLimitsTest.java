package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One host cannot lock the others out: an attacker on 127.0.0.2 holds as many connections, unregistered
 * connections and held sessions as its address may have, and the honest host on 127.0.0.3 still gets in.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PerAddressLimitsTest {
    private static final String ATTACKER = "127.0.0.2";
    private static final String HONEST = "127.0.0.3";

    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void connectionsThatNeverSendHelloAreCappedPerAddress() throws Exception {
        live = LiveServer.start("--max-unregistered-per-address", "2");
        live.connectFrom(ATTACKER);
        live.connectFrom(ATTACKER);
        TestClient third = live.connectFrom(ATTACKER);
        assertEquals(new Event.Error("too_many_connections", "your address 127.0.0.2 already has 2 connections "
                + "that have not sent hello; complete those first"), third.expect(Event.Error.class));
        third.awaitEnd();

        live.registerFrom(HONEST, "honest");
    }

    @Test
    void connectionsAreCappedPerAddressRegisteredOrNot() throws Exception {
        live = LiveServer.start("--max-per-address", "3", "--max-unregistered-per-address", "1");
        live.registerFrom(ATTACKER, "a1");
        live.registerFrom(ATTACKER, "a2");
        live.connectFrom(ATTACKER);
        TestClient fourth = live.connectFrom(ATTACKER);
        assertEquals(new Event.Error("too_many_connections", "your address 127.0.0.2 already has 3 connections, "
                + "the most one address may have; close one first"), fourth.expect(Event.Error.class));
        fourth.awaitEnd();

        TestClient honest = live.registerFrom(HONEST, "honest");
        honest.join("lobby");
        assertEquals(3, live.server().connectionCount() - 1, "the attacker's three, and the honest client");
    }

    @Test
    void aClosedConnectionGivesItsPlaceBack() throws Exception {
        live = LiveServer.start("--max-per-address", "1");
        TestClient first = live.registerFrom(ATTACKER, "a1");
        live.connectFrom(ATTACKER).expectError(ErrorCode.TOO_MANY_CONNECTIONS);
        first.send(new Command.Quit(null));
        first.awaitEnd();
        LiveServer.soon().until(() -> live.server().connectionCount() == 0);
        live.registerFrom(ATTACKER, "a2");
    }

    @Test
    void sessionsHeldPastTheAddressesLimitEndAtOnce() throws Exception {
        live = LiveServer.start("--max-held-per-address", "1");
        TestClient honest = live.registerFrom(HONEST, "honest");
        honest.join("lobby");
        TestClient held = live.registerFrom(ATTACKER, "held");
        held.join("lobby");
        TestClient notHeld = live.registerFrom(ATTACKER, "notheld");
        notHeld.join("lobby");
        assertEquals(2, honest.sync().size(), "joined of held and of notheld");

        held.cut();
        LiveServer.soon().until(() -> live.server().connectionCount() == 2);
        notHeld.cut();
        assertEquals(new Event.Left("lobby", "notheld", "connection lost"), honest.expect(Event.Left.class));
        honest.send(new Command.Nick("held"));
        honest.expectError(ErrorCode.NICK_TAKEN);
    }

    @Test
    void anAttackersHeldSessionsLeaveTheHonestHostsHeldSessionResumable() throws Exception {
        live = LiveServer.start("--max-held-per-address", "1", "--max-held", "2");
        TestClient a1 = live.registerFrom(ATTACKER, "a1");
        TestClient a2 = live.registerFrom(ATTACKER, "a2");
        TestClient honest = live.registerFrom(HONEST, "honest");
        String token = honest.welcome().token();
        a1.cut();
        a2.cut();
        LiveServer.soon().until(() -> live.server().connectionCount() == 1);
        honest.cut();
        LiveServer.soon().until(() -> live.server().connectionCount() == 0);

        live.resume("honest", token, Map.of());
    }

    @Test
    void heldSessionsAreCappedInAll() throws Exception {
        live = LiveServer.start("--max-held", "1");
        TestClient watcher = live.registerFrom(HONEST, "watcher");
        watcher.join("lobby");
        TestClient first = live.registerFrom(ATTACKER, "first");
        first.join("lobby");
        TestClient second = live.registerFrom("127.0.0.4", "second");
        second.join("lobby");
        assertEquals(2, watcher.sync().size());

        first.cut();
        LiveServer.soon().until(() -> live.server().connectionCount() == 2);
        second.cut();
        assertEquals(new Event.Left("lobby", "second", "connection lost"), watcher.expect(Event.Left.class));
    }
}
