package lanchat.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class NicknamesTest {
    private final Nicknames nicknames = new Nicknames();
    private final FakeMember alice = new FakeMember("alice");
    private final FakeMember bob = new FakeMember("bob");

    @Test
    void nicksAreUniqueCaseInsensitively() {
        assertTrue(nicknames.claim("alice", alice));
        assertFalse(nicknames.claim("ALICE", bob));
        assertEquals(Optional.of(alice), nicknames.find("Alice"));
    }

    @Test
    void renameMovesTheNickOrChangesNothing() {
        nicknames.claim("alice", alice);
        nicknames.claim("bob", bob);
        assertFalse(nicknames.rename("bob", "Alice", bob));
        assertEquals(Optional.of(bob), nicknames.find("bob"));

        assertTrue(nicknames.rename("bob", "robert", bob));
        assertEquals(Optional.empty(), nicknames.find("bob"));
        assertEquals(Optional.of(bob), nicknames.find("ROBERT"));
        assertTrue(nicknames.rename("robert", "Robert", bob), "a change of case only");
        assertEquals(2, nicknames.size());
    }

    @Test
    void releaseFreesOnlyTheHoldersNick() {
        nicknames.claim("alice", alice);
        nicknames.release("alice", bob);
        assertEquals(Optional.of(alice), nicknames.find("alice"));
        nicknames.release("alice", alice);
        nicknames.release("alice", alice);
        assertTrue(nicknames.claim("alice", bob));
    }
}
