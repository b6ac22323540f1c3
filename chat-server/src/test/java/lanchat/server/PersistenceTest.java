package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.server.history.DataDirException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-dir}: room files written, bounded, reloaded after restarts; damage never stops a start. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PersistenceTest {
    private static final String TS = "2026-11-24T10:15:30.123Z";

    @TempDir
    Path dir;

    private final List<LiveServer> servers = new ArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    // A strong reference: java.util.logging keeps loggers only weakly.
    private final Logger historyLog = Logger.getLogger("lanchat.server.history");
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stop() {
        historyLog.removeHandler(recorder);
        servers.forEach(LiveServer::close);
    }

    private LiveServer start(String... options) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString(), "--rate-limit", "0"));
        all.addAll(List.of(options));
        LiveServer live = LiveServer.start(all.toArray(String[]::new));
        servers.add(live);
        return live;
    }

    @Test
    void restartWithTheSameDataDirKeepsTheHistoryAndSeqContinues() throws Exception {
        LiveServer first = start();
        TestClient alice = first.registerIn("lobby", "alice");
        alice.join("Dev");
        for (String text : List.of("one", "two", "three")) {
            alice.send(new Command.Say("lobby", text));
        }
        alice.send(new Command.Say("dev", "in dev"));
        assertEquals(4, alice.sync().size());
        first.close();

        LiveServer second = start();
        TestClient bob = second.registerIn("lobby", "bob");
        assertEquals(List.of("one:1:true", "two:2:true", "three:3:true"), HistoryTest.describe(bob.sync()));
        bob.send(new Command.Say("lobby", "four"));
        assertEquals(4L, bob.expect(Event.Message.class).seq());
        bob.send(new Command.ListRooms());
        assertEquals(new Event.Rooms(List.of(new Event.RoomInfo("Dev", 0), new Event.RoomInfo("lobby", 1))),
                bob.expect(Event.Rooms.class));
        bob.send(new Command.Join("dev"));
        assertEquals(new Event.Joined("Dev", "bob"), bob.expect(Event.Joined.class));
        bob.expect(Event.Users.class);
        assertEquals(List.of("in dev:1:true"), HistoryTest.describe(bob.sync()));
        assertEquals(List.of("dev.jsonl", "lobby.jsonl"), roomFiles());
    }

    @Test
    void eachLineOfARoomFileIsTheMessageAsBroadcast() throws Exception {
        LiveServer live = start();
        TestClient alice = live.registerIn("lobby", "alice");
        alice.send(new Command.Say("lobby", "hello \"file\"", true));
        Event.Message message = alice.expect(Event.Message.class);
        assertEquals(new String(MessageCodec.encode(message), StandardCharsets.UTF_8) + "\n",
                Files.readString(dir.resolve("lobby.jsonl")), "written before the echo was sent");
    }

    @Test
    void truncatedLastLineIsSkippedWithAWarningAndTheServerStarts() throws Exception {
        historyLog.addHandler(recorder);
        String one = line(1, "one");
        String two = line(2, "two");
        String three = line(3, "three");
        Files.writeString(dir.resolve("lobby.jsonl"), one + two + three.substring(0, 40));

        LiveServer live = start();
        assertEquals(List.of("WARNING " + dir.resolve("lobby.jsonl") + " line 3 is cut short (no line end; a crash "
                + "in the middle of a write?); skipped it"), warnings.stream()
                .filter(warning -> warning.startsWith("WARNING")).toList());
        TestClient bob = live.registerIn("lobby", "bob");
        assertEquals(List.of("one:1:true", "two:2:true"), HistoryTest.describe(bob.sync()));
        bob.send(new Command.Say("lobby", "three"));
        Event.Message third = bob.expect(Event.Message.class);
        assertEquals(3L, third.seq());
        assertEquals(one + two + new String(MessageCodec.encode(third), StandardCharsets.UTF_8) + "\n",
                Files.readString(dir.resolve("lobby.jsonl")), "the broken line is gone, the new one whole");
    }

    @Test
    void damagedLinesInTheMiddleAreSkippedToo() throws Exception {
        historyLog.addHandler(recorder);
        Files.writeString(dir.resolve("lobby.jsonl"), line(1, "one") + "{\"type\":\"mess\n" + line(1, "again")
                + line(2, "two"));
        LiveServer live = start();
        assertEquals(2, warnings.stream().filter(warning -> warning.startsWith("WARNING")).count(),
                warnings::toString);
        TestClient bob = live.registerIn("lobby", "bob");
        assertEquals(List.of("one:1:true", "two:2:true"), HistoryTest.describe(bob.sync()));
        assertEquals(line(1, "one") + line(2, "two"), Files.readString(dir.resolve("lobby.jsonl")));
    }

    @Test
    void roomFileIsCompactedToTheHistoryOnceItReachesItsBound() throws Exception {
        LiveServer live = start("--history", "2");
        TestClient alice = live.registerIn("lobby", "alice");
        // history 2 + margin 100: the 102nd line makes the file shrink back to the last 2 messages.
        for (int i = 1; i <= 103; i++) {
            alice.send(new Command.Say("lobby", "m" + i));
        }
        assertEquals(103, alice.sync().size());
        List<String> lines = Files.readAllLines(dir.resolve("lobby.jsonl"));
        assertEquals(List.of(101L, 102L, 103L), lines.stream().map(PersistenceTest::seqOf).toList());
        assertEquals(List.of("lobby.jsonl"), roomFiles(), "no temporary file left behind");
    }

    @Test
    void aDataDirInUseByAnotherServerIsRefused() throws Exception {
        start();
        ChatServer second = new ChatServer(ServerConfig.fromOptions("--plain", "--host", "127.0.0.1", "--port", "0",
                "--data-dir", dir.toString()), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        DataDirException refused = assertThrows(DataDirException.class, second::start);
        second.close();
        assertEquals(dir + " is in use by another server; give each its own --data-dir", refused.getMessage());
    }

    private static String line(long seq, String text) {
        return new String(MessageCodec.encode(new Event.Message("lobby", "alice", text, false, seq, TS, false)),
                StandardCharsets.UTF_8) + "\n";
    }

    static long seqOf(String line) {
        try {
            byte[] body = line.getBytes(StandardCharsets.UTF_8);
            return ((Event.Message) MessageCodec.decodeEvent(body).message()).seq();
        } catch (lanchat.protocol.ProtocolException e) {
            throw new AssertionError(line, e);
        }
    }

    private List<String> roomFiles() throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.equals(".lock")).sorted()
                    .toList();
        }
    }
}
