package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Guessing the password from 127.0.0.2 locks that address out with {@code too_many_attempts}; the honest host on
 * 127.0.0.3, with the right password, gets in meanwhile.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PasswordGuessingTest {
    private static final String ATTACKER = "127.0.0.2";
    private static final String HONEST = "127.0.0.3";
    private static final String LOCKED_OUT = "too many wrong passwords from your address; try again in \\d+ s";

    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void theTryThatReachesTheLimitSaysSoAndTheAddressIsThenTurnedAwayAtTheDoor() throws Exception {
        live = LiveServer.start("--password", "s3cret", "--password-tries", "3", "--password-lockout", "5");
        assertEquals("wrong password", guess("nope1"));
        assertEquals("wrong password", guess("nope2"));
        assertEquals("wrong password; too many wrong passwords from your address, so it is locked out: "
                + "try again in 5 s", guess("nope3"));

        TestClient next = live.connectFrom(ATTACKER);
        Event.Error refused = next.expect(Event.Error.class);
        assertEquals("too_many_attempts", refused.code());
        assertTrue(refused.message().matches(LOCKED_OUT), refused.message());
        next.awaitEnd();

        TestClient honest = live.connectFrom(HONEST);
        honest.send(new Command.Hello("honest", 1, "s3cret", null));
        assertEquals("honest", honest.expect(Event.Welcome.class).nick());
    }

    @Test
    void aLockedOutAddressIsRefusedEvenWithTheRightPassword() throws Exception {
        live = LiveServer.start("--password", "s3cret", "--password-tries", "1", "--password-lockout", "5");
        TestClient openedBefore = live.connectFrom(ATTACKER);
        openedBefore.sync();
        guess("nope");

        openedBefore.send(new Command.Hello("attacker", 1, "s3cret", null), "h");
        Event.Error refused = (Event.Error) openedBefore.expectError(ErrorCode.TOO_MANY_ATTEMPTS).message();
        assertTrue(refused.message().matches(LOCKED_OUT), refused.message());
        openedBefore.awaitEnd();
    }

    @Test
    void theLockoutEndsAndTheRightPasswordThenGetsIn() throws Exception {
        live = LiveServer.start("--password", "s3cret", "--password-tries", "1", "--password-lockout", "0.3");
        guess("nope");
        // While locked out, the door's error and close may come before the hello is written: that try failed too.
        LiveServer.soon().ignoreExceptionsInstanceOf(java.io.IOException.class).until(() -> {
            try (TestClient client = TestClient.connectFrom(ATTACKER, live.port())) {
                client.send(new Command.Hello("late", 1, "s3cret", null));
                return client.next().message() instanceof Event.Welcome;
            }
        });
    }

    @Test
    void withoutAPasswordThereIsNothingToGuess() throws Exception {
        live = LiveServer.start("--password-tries", "1");
        for (int i = 0; i < 3; i++) {
            TestClient client = live.connectFrom(ATTACKER);
            client.send(new Command.Hello("user" + i, 1, "anything", null));
            client.expect(Event.Welcome.class);
        }
    }

    /** One wrong guess from the attacker's address on a new connection: the message of its bad_password. */
    private String guess(String password) throws Exception {
        TestClient attacker = live.connectFrom(ATTACKER);
        attacker.send(new Command.Hello("attacker", 1, password, null));
        Event.Error error = (Event.Error) attacker.expectError(ErrorCode.BAD_PASSWORD).message();
        attacker.awaitEnd();
        return error.message();
    }
}
