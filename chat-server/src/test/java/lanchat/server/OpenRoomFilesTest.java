package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.server.history.DataDir;
import lanchat.server.history.OpenFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** More rooms than {@link DataDir#MAX_OPEN_FILES}: descriptors stay at the bound, and no line is lost. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenRoomFilesTest {
    private static final int ROOMS = DataDir.MAX_OPEN_FILES + 6;

    @TempDir
    Path dir;

    private LiveServer live;

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void manyRoomsKeepAtMostTheBoundOfFilesOpenAndEveryMessageLandsInItsFile() throws Exception {
        live = LiveServer.start("--data-dir", dir.toString(), "--rate-limit", "0");
        TestClient alice = live.register("alice");
        for (int i = 0; i < ROOMS; i++) {
            alice.join("r" + i);
            alice.send(new Command.Say("r" + i, "first in r" + i));
            assertEquals(1L, alice.expect(Event.Message.class).seq());
        }
        assertEquals(DataDir.MAX_OPEN_FILES, OpenFiles.under(dir), "descriptors on room files");

        // r0 was closed long ago: its next message opens it again and lands after the first.
        alice.send(new Command.Say("r0", "second in r0"));
        assertEquals(2L, alice.expect(Event.Message.class).seq());
        assertEquals(DataDir.MAX_OPEN_FILES, OpenFiles.under(dir));
        assertEquals(List.of(1L, 2L), seqs("r0"));
        for (int i = 1; i < ROOMS; i++) {
            assertEquals(List.of(1L), seqs("r" + i), "r" + i);
        }
        live.close();
        assertEquals(0, OpenFiles.under(dir), "all closed at shutdown");
    }

    private List<Long> seqs(String room) throws Exception {
        return Files.readAllLines(dir.resolve(room + ".jsonl")).stream().map(PersistenceTest::seqOf).toList();
    }
}
