package lanchat.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;

/**
 * Answers {@code hello}: checks, in this order, that the session is not registered yet
 * ({@code already_registered}), the protocol version ({@code unsupported_protocol}, closes) and the password
 * ({@code bad_password}, closes; enough of them from one address lock it out, and while it is locked out the
 * password is not even checked: {@code too_many_attempts}, closes). A {@code resume} whose token names a session that can still be resumed then
 * hands that session to this connection ({@link Resumption}), and the chat layer catches it up; an unknown or
 * expired token gets {@code error{resume_failed}} and the handshake goes on as a fresh one. A fresh session
 * checks the nick ({@code nick_taken}), registers, and gets {@code welcome} with the limits the client must respect
 * and a new session token. One per session, made by its chat side; runs on the session's reader thread, with its
 * lock held.
 */
public final class Handshake {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 16;

    private final Session session;
    private final SessionSettings settings;
    private final PasswordGuard passwords;
    private final NickRegistry nicks;
    private final Resumption resumption;

    public Handshake(Session session, SessionSettings settings, PasswordGuard passwords, NickRegistry nicks,
            TokenRegistry tokens) {
        this.session = session;
        this.settings = settings;
        this.passwords = passwords;
        this.nicks = nicks;
        this.resumption = new Resumption(session, settings, tokens);
    }

    /**
     * Answers {@code hello}; returns the held session this one resumed (its rooms are to be caught up), or null
     * when it did not resume (registered fresh, or refused).
     */
    public Session hello(Command.Hello hello, String ref) {
        Duration locked = settings.password() == null ? Duration.ZERO : passwords.lockedOut(session.address());
        if (session.registered()) {
            session.reject(ErrorCode.ALREADY_REGISTERED, "you are already registered as \"" + session.nick()
                    + "\"; use nick to change your nick", ref);
        } else if (hello.protocol() != FieldRules.PROTOCOL_VERSION) {
            session.reject(ErrorCode.UNSUPPORTED_PROTOCOL, "this server speaks protocol " + FieldRules.PROTOCOL_VERSION
                    + ", the hello asked for " + hello.protocol(), ref);
        } else if (locked.isPositive()) {
            session.reject(ErrorCode.TOO_MANY_ATTEMPTS, PasswordGuard.tooManyAttempts(locked), ref);
        } else if (!passwordMatches(hello.password())) {
            badPassword(hello.password(), ref);
        } else {
            Session resumed = hello.resume() == null ? null : resume(hello.resume(), ref);
            if (resumed == null) {
                fresh(hello, ref);
            }
            return resumed;
        }
        return null;
    }

    // Counted against the address: enough of them lock it out (PasswordGuard), and the client is told so.
    private void badPassword(String given, String ref) {
        Duration lockout = passwords.failed(session.address());
        String why = given == null ? "this server needs a password; send it in hello.password" : "wrong password";
        session.reject(ErrorCode.BAD_PASSWORD, lockout.isZero() ? why : why + "; too many wrong passwords from your "
                + "address, so it is locked out: " + PasswordGuard.retryHint(lockout), ref);
    }

    private Session resume(Command.Resume resume, String ref) {
        Session previous = resumption.resume(resume, () -> welcome(session.nick(), session.token(), true, ref));
        if (previous != null) {
            return previous;
        }
        session.reject(ErrorCode.RESUME_FAILED, settings.resumable()
                ? "no session to resume with that token (unknown, or expired after "
                        + settings.resumeGrace().toMillis() / 1000.0 + " s); starting a fresh one"
                : "this server does not resume sessions (--resume-grace 0); starting a fresh one", ref);
        return null;
    }

    private void fresh(Command.Hello hello, String ref) {
        if (!nicks.claim(hello.nick(), session)) {
            session.reject(ErrorCode.NICK_TAKEN, "nick \"" + hello.nick() + "\" is taken; choose another", ref);
            return;
        }
        String token = newToken();
        session.register(hello.nick(), token);
        welcome(hello.nick(), token, false, ref);
    }

    private void welcome(String nick, String token, boolean resumed, String ref) {
        session.send(new Event.Welcome(nick, settings.serverName(), FieldRules.PROTOCOL_VERSION, token,
                Frames.MAX_FRAME_BYTES, FieldRules.MAX_TEXT_CODE_POINTS, settings.rateLimit(), settings.rateBurst(),
                settings.idleTimeout().toMillis(), resumed, settings.motd()), ref);
    }

    private boolean passwordMatches(String given) {
        String expected = settings.password();
        if (expected == null) {
            return true;
        }
        // Compares in constant time, so the time taken does not tell how much of a guess was right.
        boolean matches = given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
        if (matches) {
            passwords.succeeded(session.address());
        }
        return matches;
    }

    /** 128 random bits, base64url without padding: the session token a later resume presents. */
    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
