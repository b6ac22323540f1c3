package lanchat.server.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A room file under write faults: a failed line is undone to the byte, a failed compaction waits to retry. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JournalTest {
    @TempDir
    Path dir;

    private final FaultyFiles files = new FaultyFiles();
    private DataDir dataDir;

    @AfterEach
    void close() {
        if (dataDir != null) {
            dataDir.close();
        }
    }

    private Journal lobby(int history, FsyncPolicy fsync) throws IOException {
        dataDir = DataDir.open(dir, history, fsync, files, 4);
        return dataDir.journal("lobby");
    }

    @Test
    void failedWriteIsCutBackToTheLastWholeLine() throws Exception {
        Journal journal = lobby(200, FsyncPolicy.NEVER);
        assertTrue(journal.append(message("lobby", 1)));
        files.failWrites = true;
        assertFalse(journal.append(message("lobby", 2)));
        assertArrayEquals(lines(message("lobby", 1)), bytes("lobby"), "the 7 bytes written are gone again");

        files.failWrites = false;
        assertTrue(journal.append(message("lobby", 2)));
        assertArrayEquals(lines(message("lobby", 1), message("lobby", 2)), bytes("lobby"));
    }

    @Test
    void failedCutIsRepairedBeforeTheNextLine() throws Exception {
        Journal journal = lobby(200, FsyncPolicy.NEVER);
        assertTrue(journal.append(message("lobby", 1)));
        files.failWrites = true;
        files.failTruncates = true;
        assertFalse(journal.append(message("lobby", 2)));
        byte[] half = Arrays.copyOf(Journal.line(message("lobby", 2)), 7);
        assertArrayEquals(concat(lines(message("lobby", 1)), half), bytes("lobby"), "the fault this test is about");

        files.failWrites = false;
        files.failTruncates = false;
        assertTrue(journal.append(message("lobby", 2)));
        assertArrayEquals(lines(message("lobby", 1), message("lobby", 2)), bytes("lobby"), "no fused line");
    }

    @Test
    void lineThatCannotBeRepairedIsRefused() throws Exception {
        Journal journal = lobby(200, FsyncPolicy.NEVER);
        assertTrue(journal.append(message("lobby", 1)));
        files.failWrites = true;
        files.failTruncates = true;
        assertFalse(journal.append(message("lobby", 2)));
        files.failWrites = false;
        assertFalse(journal.append(message("lobby", 2)), "the half line is still there: nothing may follow it");
        files.failTruncates = false;
        assertTrue(journal.append(message("lobby", 2)));
        assertArrayEquals(lines(message("lobby", 1), message("lobby", 2)), bytes("lobby"));
    }

    @Test
    void failedForceWithFsyncAlwaysUndoesTheLine() throws Exception {
        Journal journal = lobby(200, FsyncPolicy.ALWAYS);
        assertTrue(journal.append(message("lobby", 1)));
        files.failForces = true;
        assertFalse(journal.append(message("lobby", 2)));
        assertArrayEquals(lines(message("lobby", 1)), bytes("lobby"));
    }

    @Test
    void failedCompactionKeepsTheFileRemovesItsCopyAndWaitsAMarginBeforeTheNextTry() throws Exception {
        Journal journal = lobby(1, FsyncPolicy.NEVER);
        List<Event.Message> written = new ArrayList<>();
        // history 1: the file holds up to 1 + 100 lines.
        for (int seq = 1; seq <= 101; seq++) {
            written.add(message("lobby", seq));
            assertTrue(journal.append(written.getLast()));
        }
        assertTrue(journal.full());
        files.partialBytes = 3000;
        files.failWrites = true;
        journal.rewrite(List.of(written.getLast()));
        files.failWrites = false;

        assertArrayEquals(lines(written.toArray(Event.Message[]::new)), bytes("lobby"), "the file as it was");
        assertEquals(List.of("lobby.jsonl"), roomFiles(), "the half-written copy is removed");
        assertFalse(journal.full(), "not tried again on the next message");
        for (int seq = 102; seq <= 200; seq++) {
            assertTrue(journal.append(message("lobby", seq)));
            assertFalse(journal.full(), "seq " + seq);
        }
        assertTrue(journal.append(message("lobby", 201)));
        assertTrue(journal.full(), "100 lines later it is tried again");
        journal.rewrite(List.of(message("lobby", 201)));
        assertArrayEquals(lines(message("lobby", 201)), bytes("lobby"));
        assertFalse(journal.full());
    }

    @Test
    void atMostTheBoundOfRoomFilesIsOpenAndEachGetsItsLines() throws Exception {
        lobby(200, FsyncPolicy.BATCH);
        List<String> rooms = List.of("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
        for (int seq = 1; seq <= 3; seq++) {
            for (String room : rooms) {
                assertTrue(dataDir.journal(room).append(message(room, seq)));
                assertTrue(files.openRoomFiles() <= 4, () -> files.openRoomFiles() + " open");
            }
        }
        assertEquals(4, files.openRoomFiles());
        assertEquals(4, OpenFiles.under(dir), "descriptors the process really has open");
        for (String room : rooms) {
            assertArrayEquals(lines(message(room, 1), message(room, 2), message(room, 3)), bytes(room), room);
        }
        dataDir.close();
        assertEquals(0, OpenFiles.under(dir));
    }

    static Event.Message message(String room, long seq) {
        return new Event.Message(room, "alice", "message " + seq, false, seq, "2026-11-24T10:15:30.123Z", false);
    }

    private static byte[] lines(Event.Message... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Event.Message message : messages) {
            out.writeBytes(Journal.line(message));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private byte[] bytes(String room) throws IOException {
        return Files.readAllBytes(dir.resolve(room + DataDir.SUFFIX));
    }

    private List<String> roomFiles() throws IOException {
        try (var listing = Files.list(dir)) {
            return listing.map(file -> file.getFileName().toString()).filter(name -> !name.equals(".lock"))
                    .sorted().toList();
        }
    }
}
