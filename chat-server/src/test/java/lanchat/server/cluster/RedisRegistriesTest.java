package lanchat.server.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lanchat.server.store.HeldSession;
import lanchat.server.store.NickRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Nicks, held sessions and room members shared by two nodes through one Redis. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedisRegistriesTest extends TwoNodes {

    @Test
    void nickClaimedOnOneNodeIsRefusedOnTheOther() {
        NickRegistry onA = new RedisNickRegistry(a.link, a.id());
        NickRegistry onB = new RedisNickRegistry(b.link, b.id());
        assertTrue(onA.claim("Alice", "s1"));
        assertFalse(onB.claim("alice", "s2"));
        assertEquals(Optional.of(new NickRegistry.Holder(a.id(), "s1", "Alice")), onB.holder("ALICE"));
        assertFalse(onB.rename("bob", "alice", "s2"), "renaming a nick one does not hold");
        assertTrue(onB.claim("bob", "s2"));
        assertFalse(onB.rename("bob", "alice", "s2"));
        onB.release("alice", "s2"); // not its holder: nothing happens
        assertTrue(onA.holder("alice").isPresent());
        assertTrue(onA.rename("Alice", "alicia", "s1"));
        assertTrue(onB.rename("bob", "alice", "s2"));
        assertEquals(Optional.of(new NickRegistry.Holder(b.id(), "s2", "alice")), onA.holder("alice"));
        onB.release("alice", "s2");
        assertEquals(Optional.empty(), onA.holder("alice"));
        assertTrue(onA.rename("alicia", "Alicia", "s1"), "a change of case");
        assertEquals("Alicia", onB.holder("alicia").orElseThrow().nick());
    }

    @Test
    void claimsOfANodeThatStopsBeatingExpire() {
        NickRegistry onA = new RedisNickRegistry(a.link, a.id());
        NickRegistry onB = new RedisNickRegistry(b.link, b.id());
        assertTrue(onA.claim("alice", "s1"));
        assertFalse(onB.claim("alice", "s2"));
        a.heartbeat.halt();
        await().atMost(Duration.ofSeconds(3)).until(() -> onB.claim("alice", "s2"));
        assertEquals(b.id(), onA.holder("alice").orElseThrow().node());
        assertFalse(onA.claim("alice", "s1"));
    }

    @Test
    void sessionHeldByOneNodeIsResumedByTheOtherOnce() {
        HeldSession held = new HeldSession("q8Xz0d5M0b7m1a2Q3b4C5w", "alice", Map.of("lobby", 41L, "Dev", 7L));
        new RedisSessionStore(a.link).hold(held, Duration.ofSeconds(10));
        RedisSessionStore onB = new RedisSessionStore(b.link);
        assertEquals(Optional.of(held), onB.take("q8Xz0d5M0b7m1a2Q3b4C5w"));
        assertEquals(Map.of("lobby", 41L, "Dev", 7L), held.lastSeqs());
        assertEquals(Optional.empty(), new RedisSessionStore(a.link).take("q8Xz0d5M0b7m1a2Q3b4C5w"));
    }

    @Test
    void heldSessionExpiresWithItsGracePeriod() {
        new RedisSessionStore(a.link).hold(new HeldSession("t1", "alice", Map.of()), Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(3)).until(() -> b.link.call("exists", c -> c.exists(Keys.session("t1"))) == 0);
        assertEquals(Optional.empty(), new RedisSessionStore(b.link).take("t1"));
    }

    @Test
    void membersOfEveryLiveNodeAreListed() {
        RedisRoomMembers onA = new RedisRoomMembers(a.link, a.id());
        RedisRoomMembers onB = new RedisRoomMembers(b.link, b.id());
        onA.add("Lobby", "alice");
        onB.add("lobby", "Bob");
        onB.add("dev", "carol");
        assertEquals(List.of("alice", "Bob"), onA.nicks("LOBBY"));
        assertEquals(Map.of("Lobby", 2, "dev", 1), Map.copyOf(onB.counts()));
        assertEquals(List.of("dev", "Lobby"), List.copyOf(onB.counts().keySet()));
        onB.remove("lobby", "bob");
        assertEquals(List.of("alice"), onB.nicks("lobby"));
        a.heartbeat.halt();
        await().atMost(Duration.ofSeconds(3)).until(() -> onB.nicks("lobby").isEmpty());
        assertEquals(List.of(), onA.nicks("nowhere"));
    }
}
