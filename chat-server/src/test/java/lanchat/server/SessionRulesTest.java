package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Handshake, nicks, whispers and every session rule's exact error code, on a live server. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SessionRulesTest {
    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void welcomeCarriesTheLimitsAndAFreshToken() throws Exception {
        live = LiveServer.start("--name", "office", "--motd", "Be nice", "--rate-limit", "5", "--rate-burst", "9",
                "--idle-timeout", "12.5");
        TestClient alice = live.connect();
        alice.send(new Command.Hello("alice"), "h");
        Envelope<Event> envelope = alice.next();
        Event.Welcome welcome = assertInstanceOf(Event.Welcome.class, envelope.message());
        assertEquals(new Event.Welcome("alice", "office", 1, welcome.token(), 65_536, 4_000, 5, 9, 12_500L, false,
                "Be nice"), welcome);
        assertEquals("h", envelope.ref());
        assertEquals(16, Base64.getUrlDecoder().decode(welcome.token()).length);
        assertEquals(22, welcome.token().length(), "base64url without padding");

        TestClient bob = live.connect();
        bob.send(new Command.Hello("bob"));
        assertNotEquals(welcome.token(), bob.expect(Event.Welcome.class).token());
    }

    @Test
    void framesBeforeHelloAreNotRegisteredAndTheConnectionStays() throws Exception {
        live = LiveServer.start();
        TestClient client = live.connect();
        client.send(new Command.Join("lobby"), "j");
        assertEquals("j", client.expectError(ErrorCode.NOT_REGISTERED).ref());
        client.send(new Command.Ping());
        client.expectError(ErrorCode.NOT_REGISTERED);
        client.send(new Command.Quit(null));
        client.expectError(ErrorCode.NOT_REGISTERED);
        client.send(new Command.Hello("alice"));
        assertEquals("alice", client.expect(Event.Welcome.class).nick());
    }

    @Test
    void secondHelloIsAlreadyRegistered() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        alice.send(new Command.Hello("other"), "h2");
        assertEquals("h2", alice.expectError(ErrorCode.ALREADY_REGISTERED).ref());
        assertEquals(List.of(), alice.sync());
    }

    @Test
    void nickTakenIsCaseInsensitiveAndLeavesTheConnectionOpen() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient other = live.connect();
        other.send(new Command.Hello("ALICE"), "1");
        assertEquals("1", other.expectError(ErrorCode.NICK_TAKEN).ref());
        other.send(new Command.Hello("alice2"), "2");
        assertEquals("alice2", other.expect(Event.Welcome.class).nick());

        other.send(new Command.Nick("Alice"), "3");
        assertEquals("3", other.expectError(ErrorCode.NICK_TAKEN).ref());
        assertEquals(List.of(), alice.sync());
    }

    @Test
    void invalidNickInHelloIsNickInvalidWithItsRef() throws Exception {
        live = LiveServer.start();
        TestClient client = live.connect();
        client.sendRaw(frame("{\"type\":\"hello\",\"nick\":\"9lives\",\"protocol\":1,\"ref\":\"r9\"}"));
        Envelope<Event> error = client.expectError(ErrorCode.NICK_INVALID);
        assertEquals("r9", error.ref());
        assertEquals("nick \"9lives\" is not a valid nick: 1-20 ASCII letters, digits, '_' or '-', starting "
                + "with a letter", ((Event.Error) error.message()).message());
        client.send(new Command.Hello("lives9"));
        client.expect(Event.Welcome.class);
    }

    @Test
    void renameIsSeenOnceByEveryoneSharingARoom() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.registerIn("lobby", "alice");
        TestClient bob = live.registerIn("lobby", "bob");
        bob.join("dev");
        TestClient carol = live.registerIn("dev", "carol");
        alice.send(new Command.Join("dev"));
        TestClient dave = live.register("dave");
        assertEquals(List.of(new Event.Joined("lobby", "bob"), new Event.Joined("dev", "alice"),
                new Event.Users("dev", List.of("alice", "bob", "carol"))), alice.sync());
        assertEquals(List.of(new Event.Joined("dev", "carol"), new Event.Joined("dev", "alice")), bob.sync());
        assertEquals(List.of(new Event.Joined("dev", "alice")), carol.sync());

        alice.send(new Command.Nick("Alicia"), "n");
        assertEquals(new Envelope<Event>(new Event.Renamed("alice", "Alicia"), "n"), alice.next());
        assertEquals(List.of(new Event.Renamed("alice", "Alicia")), bob.sync());
        assertEquals(List.of(new Event.Renamed("alice", "Alicia")), carol.sync());
        assertEquals(List.of(), dave.sync());

        bob.send(new Command.Who("dev"));
        assertEquals(new Event.Users("dev", List.of("Alicia", "bob", "carol")), bob.expect(Event.Users.class));
        TestClient newAlice = live.register("alice");
        newAlice.send(new Command.Whisper("ALICIA", "found you"));
        assertEquals("Alicia", newAlice.expect(Event.Whisper.class).to());
    }

    @Test
    void whisperReachesItsTargetAndEchoesToTheSender() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        TestClient carol = live.register("carol");
        alice.send(new Command.Whisper("BOB", "psst"), "w1");
        Envelope<Event> echo = alice.next();
        Event.Whisper whisper = assertInstanceOf(Event.Whisper.class, echo.message());
        assertEquals(new Event.Whisper("alice", "bob", "psst", whisper.ts()), whisper);
        assertEquals("w1", echo.ref());
        assertEquals(new Envelope<Event>(whisper, null), bob.next());
        assertEquals(List.of(), carol.sync());
    }

    @Test
    void whisperToAnUnknownNickIsNoSuchNick() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        alice.send(new Command.Whisper("nobody", "hello?"), "w");
        Envelope<Event> error = alice.expectError(ErrorCode.NO_SUCH_NICK);
        assertEquals("w", error.ref());
        assertEquals("nobody is called \"nobody\"", ((Event.Error) error.message()).message());
    }

    @Test
    void sayOrLeaveOutsideARoomIsNotInRoom() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        live.registerIn("dev", "bob");
        alice.send(new Command.Say("dev", "hi"), "s");
        assertEquals("s", alice.expectError(ErrorCode.NOT_IN_ROOM).ref());
        alice.send(new Command.Say("nowhere", "hi"));
        alice.expectError(ErrorCode.NOT_IN_ROOM);
        alice.send(new Command.Leave("lobby"), "l");
        assertEquals("l", alice.expectError(ErrorCode.NOT_IN_ROOM).ref());
    }

    @Test
    void wrongOrMissingPasswordIsBadPasswordAndCloses() throws Exception {
        live = LiveServer.start("--password", "s3cret");
        TestClient none = live.connect();
        none.send(new Command.Hello("alice"), "1");
        assertEquals(new Envelope<Event>(new Event.Error("bad_password",
                "this server needs a password; send it in hello.password"), "1"), none.next());
        none.awaitEnd();

        TestClient wrong = live.connect();
        wrong.send(new Command.Hello("alice", 1, "guess", null));
        assertEquals(new Event.Error("bad_password", "wrong password"), wrong.expect(Event.Error.class));
        wrong.awaitEnd();

        TestClient right = live.connect();
        right.send(new Command.Hello("alice", 1, "s3cret", null));
        assertEquals("alice", right.expect(Event.Welcome.class).nick());
    }

    @Test
    void wrongProtocolIsUnsupportedProtocolAndCloses() throws Exception {
        live = LiveServer.start();
        TestClient client = live.connect();
        client.send(new Command.Hello("alice", 2, null, null));
        assertEquals(new Event.Error("unsupported_protocol",
                "this server speaks protocol 1, the hello asked for 2"), client.expect(Event.Error.class));
        client.awaitEnd();
    }

    @Test
    void resumeWithAnUnknownTokenFailsAndTheSessionStartsFresh() throws Exception {
        live = LiveServer.start();
        TestClient client = live.connect();
        client.send(new Command.Hello("alice", 1, null, new Command.Resume("q8Xz0d5M0b7m1a2Q3b4C5w",
                Map.of("lobby", 4L))), "h");
        assertEquals("h", client.expectError(ErrorCode.RESUME_FAILED).ref());
        Envelope<Event> welcome = client.next();
        assertEquals("h", welcome.ref());
        assertEquals(false, assertInstanceOf(Event.Welcome.class, welcome.message()).resumed());
    }

    @Test
    void connectionOverMaxClientsIsServerFullAndCloses() throws Exception {
        live = LiveServer.start("--max-clients", "2");
        TestClient alice = live.register("alice");
        live.connect();
        TestClient third = live.connect();
        assertEquals(new Event.Error("server_full", "the server already has its maximum of 2 connections; "
                + "try later"), third.expect(Event.Error.class));
        third.awaitEnd();

        alice.close();
        LiveServer.soon().until(() -> live.server().connectionCount() == 1);
        live.register("carol");
    }

    @Test
    void framesOverTheRateLimitAreRateLimitedAndDropped() throws Exception {
        live = LiveServer.start("--rate-limit", "1", "--rate-burst", "2");
        TestClient alice = live.register("alice");
        // hello took one token; the next frame takes the last, the one after finds the bucket empty.
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        burst.write(frame(new Command.Ping(), "p1"));
        burst.write(frame(new Command.Ping(), "p2"));
        alice.sendRaw(burst.toByteArray());
        assertEquals(new Envelope<Event>(new Event.Pong(), "p1"), alice.next());
        Envelope<Event> limited = alice.expectError(ErrorCode.RATE_LIMITED);
        assertEquals("p2", limited.ref());
        assertEquals("more than 1 frames a second (bursts of 2); this frame was dropped",
                ((Event.Error) limited.message()).message());
    }

    @Test
    void tooManyErrorsEndsTheSession() throws Exception {
        live = LiveServer.start("--max-errors", "3");
        TestClient bob = live.registerIn("lobby", "bob");
        TestClient alice = live.registerIn("lobby", "alice");
        bob.expect(Event.Joined.class);
        for (int i = 0; i < 3; i++) {
            alice.send(new Command.Say("dev", "not there"));
            alice.expectError(ErrorCode.NOT_IN_ROOM);
        }
        alice.send(new Command.Say("dev", "not there"), "last");
        Envelope<Event> last = alice.expectError(ErrorCode.TOO_MANY_ERRORS);
        assertEquals("last", last.ref());
        alice.awaitEnd();
        assertEquals(new Event.Left("lobby", "alice", "too many errors"), bob.expect(Event.Left.class));
    }

    @Test
    void silentConnectionIsClosedAfterTheHandshakeTimeout() throws Exception {
        live = LiveServer.start("--handshake-timeout", "0.2");
        TestClient silent = live.connect();
        TestClient trickling = live.connect();
        trickling.sendRaw(new byte[] {0, 0, 0, 40, '{'});
        assertEquals(new Event.Bye("handshake timeout"), silent.expect(Event.Bye.class));
        silent.awaitEnd();
        assertEquals(new Event.Bye("handshake timeout"), trickling.expect(Event.Bye.class));
        trickling.awaitEnd();
        LiveServer.soon().until(() -> live.server().openSocketCount() == 0);
    }

    @Test
    void helloInTimeIsNotCutByTheHandshakeTimeout() throws Exception {
        live = LiveServer.start("--handshake-timeout", "0.2", "--idle-timeout", "0");
        TestClient alice = live.register("alice");
        LiveServer.soon().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5))
                .until(() -> live.server().connectionCount() == 1);
        assertEquals(List.of(), alice.sync());
    }

    @Test
    void silentClientIsPingedThenTimedOutAndHeldLikeALostConnection() throws Exception {
        live = LiveServer.start("--idle-timeout", "0.2", "--resume-grace", "0.3");
        TestClient bob = live.registerIn("lobby", "bob");
        bob.answerPings();
        TestClient alice = live.registerIn("lobby", "alice");
        assertEquals(new Event.Joined("lobby", "alice"), bob.expect(Event.Joined.class));

        assertEquals(new Event.Ping(), alice.expect(Event.Ping.class));
        assertEquals(new Event.Bye("timeout"), alice.expect(Event.Bye.class));
        alice.awaitEnd();
        // A timeout is a lost connection: held for the grace period, then "connection lost", never "timeout".
        assertEquals(new Event.Left("lobby", "alice", "connection lost"), bob.expect(Event.Left.class));
        // bob, who answers every ping, is still there after several idle timeouts.
        LiveServer.soon().pollDelay(Duration.ofMillis(800)).until(() -> !bob.ended());
        assertEquals(List.of(), bob.sync());
    }

    @Test
    void malformedFrameErrorsCarryTheRefWhenItCouldBeRead() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        alice.sendRaw(frame("{\"type\":\"jion\",\"room\":\"lobby\",\"ref\":\"x1\"}"));
        assertEquals("x1", alice.expectError(ErrorCode.UNKNOWN_TYPE).ref());
        alice.sendRaw(frame("{\"type\":\"say\",\"room\":\"lobby\",\"text\":\" \",\"ref\":\"x2\"}"));
        assertEquals("x2", alice.expectError(ErrorCode.TEXT_INVALID).ref());
        alice.sendRaw(frame("not json"));
        assertEquals(null, alice.expectError(ErrorCode.BAD_JSON).ref());
    }

    private static byte[] frame(String json) {
        return FrameWriter.frame(json.getBytes(StandardCharsets.UTF_8), FieldRules.DEFAULT_MAX_FRAME_BYTES);
    }

    private static byte[] frame(Command command, String ref) {
        return FrameWriter.frame(MessageCodec.encode(command, ref), FieldRules.DEFAULT_MAX_FRAME_BYTES);
    }
}
