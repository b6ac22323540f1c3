package lanchat.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lockout schedule of {@link PasswordGuard}, on a clock the test moves. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PasswordGuardTest {
    private static final Duration LOCKOUT = Duration.ofSeconds(30);

    private final AtomicLong now = new AtomicLong(1_000);
    private final PasswordGuard guard = new PasswordGuard(
            new HostLimits(32, 16, 16, 1000, 3, LOCKOUT, 0), now::get);

    @Test
    void locksOutAtTheLastTryAndDoublesWithEachWrongPasswordAfter() throws Exception {
        InetAddress attacker = InetAddress.getByName("10.0.0.2");
        assertEquals(Duration.ZERO, guard.failed(attacker));
        assertEquals(Duration.ZERO, guard.failed(attacker));
        assertEquals(LOCKOUT, guard.failed(attacker));
        assertEquals(LOCKOUT, guard.lockedOut(attacker));
        advance(LOCKOUT);
        assertEquals(Duration.ZERO, guard.lockedOut(attacker));
        assertEquals(LOCKOUT.multipliedBy(2), guard.failed(attacker));
        advance(LOCKOUT.multipliedBy(2));
        assertEquals(LOCKOUT.multipliedBy(4), guard.failed(attacker));
        assertEquals(Duration.ZERO, guard.lockedOut(InetAddress.getByName("10.0.0.3")), "another address");
    }

    @Test
    void theLockoutStopsGrowingAtAnHour() throws Exception {
        InetAddress attacker = InetAddress.getByName("10.0.0.2");
        Duration last = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            last = guard.failed(attacker);
            advance(last);
        }
        assertEquals(Duration.ofHours(1), last);
    }

    @Test
    void theRightPasswordForgetsTheWrongOnes() throws Exception {
        InetAddress typist = InetAddress.getByName("10.0.0.2");
        guard.failed(typist);
        guard.failed(typist);
        guard.succeeded(typist);
        assertEquals(Duration.ZERO, guard.failed(typist));
        assertEquals(Duration.ZERO, guard.failed(typist));
    }

    @Test
    void tenQuietLockoutsForgiveTheWrongOnes() throws Exception {
        InetAddress typist = InetAddress.getByName("10.0.0.2");
        guard.failed(typist);
        guard.failed(typist);
        advance(LOCKOUT.multipliedBy(10).plusNanos(1));
        assertEquals(Duration.ZERO, guard.failed(typist));
        assertEquals(Duration.ZERO, guard.failed(typist));
        assertEquals(LOCKOUT, guard.failed(typist));
    }

    @Test
    void anIpv6HostIsCountedByItsSlash64() throws Exception {
        guard.failed(InetAddress.getByName("fd00::1"));
        guard.failed(InetAddress.getByName("fd00::2"));
        assertEquals(LOCKOUT, guard.failed(InetAddress.getByName("fd00::ffff:1234:5678")));
        assertEquals(LOCKOUT, guard.lockedOut(InetAddress.getByName("fd00::9")));
        assertEquals(Duration.ZERO, guard.lockedOut(InetAddress.getByName("fd00:0:0:1::1")));
    }

    @Test
    void theRetryHintRoundsUpToWholeSeconds() {
        assertEquals("try again in 1 s", PasswordGuard.retryHint(Duration.ofMillis(1)));
        assertEquals("try again in 30 s", PasswordGuard.retryHint(Duration.ofMillis(29_001)));
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
