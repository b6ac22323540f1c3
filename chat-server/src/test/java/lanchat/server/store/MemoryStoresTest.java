package lanchat.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-memory registries keep today's single-server rules (the Redis ones are tested in the cluster tests). */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemoryStoresTest {

    @Test
    void nicksAreUniqueCaseInsensitivelyAndMoveOnRename() {
        NickRegistry nicks = new MemoryNickRegistry("solo");
        assertTrue(nicks.claim("Alice", "s1"));
        assertFalse(nicks.claim("alice", "s2"));
        assertTrue(nicks.claim("bob", "s2"));
        assertFalse(nicks.rename("bob", "ALICE", "s2"));
        assertFalse(nicks.rename("alice", "carol", "s2"), "s2 does not hold alice");
        assertTrue(nicks.rename("alice", "alice", "s1"));
        assertEquals(Optional.of(new NickRegistry.Holder("solo", "s1", "alice")), nicks.holder("ALICE"));
        nicks.release("alice", "s2");
        assertTrue(nicks.holder("alice").isPresent());
        nicks.release("alice", "s1");
        nicks.release("alice", "s1");
        assertTrue(nicks.claim("alice", "s3"));
    }

    @Test
    void heldSessionIsTakenOnceAndExpires() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
        MemorySessionStore sessions = new MemorySessionStore(new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        });
        HeldSession held = new HeldSession("t1", "alice", Map.of("lobby", 41L));
        sessions.hold(held, Duration.ofSeconds(60));
        assertEquals(Optional.of(held), sessions.take("t1"));
        assertEquals(Optional.empty(), sessions.take("t1"));
        sessions.hold(held, Duration.ofSeconds(60));
        now.set(now.get().plusSeconds(60)); // the deadline itself is already too late
        assertEquals(Optional.empty(), sessions.take("t1"));
    }

    @Test
    void membersAreListedSortedAndRoomsKeepTheirFirstSpelling() {
        RoomMembers members = new MemoryRoomMembers();
        members.add("Lobby", "bob");
        members.add("lobby", "Alice");
        members.add("dev", "carol");
        members.remove("dev", "CAROL");
        assertEquals(List.of("Alice", "bob"), members.nicks("LOBBY"));
        assertEquals(List.of("dev", "Lobby"), List.copyOf(members.counts().keySet()));
        assertEquals(Map.of("dev", 0, "Lobby", 2), Map.copyOf(members.counts()));
    }
}
