package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.server.history.FaultyFiles;
import lanchat.server.history.FileOpener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under {@code --data-dir}: a message its room file cannot take is refused with {@code storage_failed}
 * and seen by no one, its seq goes to the next message, and the file keeps only whole lines, across a restart too.
 * Once with an injected failing channel, once (as root) on a real 64 KiB tmpfs.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FullDiskTest {
    @TempDir
    Path dir;

    private final FaultyFiles files = new FaultyFiles();
    private final List<LiveServer> servers = new ArrayList<>();
    private Path mounted;

    @AfterEach
    void stop() throws Exception {
        servers.forEach(LiveServer::close);
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    private LiveServer start(FileOpener opener, Path dataDir) throws IOException {
        LiveServer live = LiveServer.start(opener, "--data-dir", dataDir.toString(), "--rate-limit", "0");
        servers.add(live);
        return live;
    }

    @Test
    void messageTheFileCannotTakeIsRefusedToItsSenderAndSeenByNoOne() throws Exception {
        LiveServer live = start(files, dir);
        TestClient alice = live.registerIn("lobby", "alice");
        TestClient bob = live.registerIn("lobby", "bob");
        alice.sync();
        Event.Message one = say(alice, "one", "a1");
        assertEquals(one, bob.expect(Event.Message.class));

        files.failWrites = true;
        alice.send(new Command.Say("lobby", "two"), "a2");
        Envelope<Event> refused = alice.expectError(ErrorCode.STORAGE_FAILED);
        assertEquals("a2", refused.ref());
        assertEquals(List.of(), alice.sync(), "no echo");
        assertEquals(List.of(), bob.sync(), "no broadcast");

        files.failWrites = false;
        Event.Message three = say(alice, "three", "a3");
        assertEquals(2L, three.seq(), "the refused message used no seq");
        assertEquals(three, bob.expect(Event.Message.class));
        assertEquals(text(one, three), Files.readString(dir.resolve("lobby.jsonl")));
        assertFalse(alice.ended(), "storage_failed does not close the connection");
    }

    @Test
    void afterAHalfLineThatCouldNotBeCutBackARestartContinuesTheSeqs() throws Exception {
        LiveServer first = start(files, dir);
        TestClient alice = first.registerIn("lobby", "alice");
        Event.Message one = say(alice, "one", "a1");
        files.failWrites = true;
        files.failTruncates = true;
        alice.send(new Command.Say("lobby", "two"), "a2");
        alice.expectError(ErrorCode.STORAGE_FAILED);
        assertEquals(text(one) + text(one).substring(0, 7), Files.readString(dir.resolve("lobby.jsonl")),
                "7 bytes of the refused line stayed: the fault this test is about");

        files.failWrites = false;
        files.failTruncates = false;
        Event.Message two = say(alice, "two again", "a3");
        assertEquals(2L, two.seq());
        assertEquals(text(one, two), Files.readString(dir.resolve("lobby.jsonl")), "no fused line");
        first.close();

        TestClient bob = start(FileOpener.SYSTEM, dir).registerIn("lobby", "bob");
        assertEquals(List.of("one:1:true", "two again:2:true"), HistoryTest.describe(bob.sync()));
        assertEquals(3L, say(bob, "three", "b1").seq());
    }

    @Test
    void fullTmpfsRefusesMessagesKeepsWholeLinesAndRecoversWhenSpaceComesBack() throws Exception {
        Path disk = mountTinyTmpfs();
        Path filler = disk.resolve("filler");
        Files.write(filler, new byte[(int) Files.getFileStore(disk).getUsableSpace() - 8192]);
        Path data = Files.createDirectory(disk.resolve("data"));
        LiveServer live = start(FileOpener.SYSTEM, data);
        TestClient alice = live.registerIn("lobby", "alice");
        TestClient bob = live.registerIn("lobby", "bob");
        alice.sync();

        String text = "x".repeat(1000);
        List<Event.Message> echoed = new ArrayList<>();
        Event refused = null;
        for (int i = 1; i <= 40 && refused == null; i++) {
            alice.send(new Command.Say("lobby", text), "s" + i);
            Event reply = alice.next().message();
            if (reply instanceof Event.Message message) {
                echoed.add(message);
            } else {
                refused = reply;
            }
        }
        assertEquals(ErrorCode.STORAGE_FAILED.wire(), assertInstanceOf(Event.Error.class, refused).code());
        assertTrue(echoed.size() >= 2, echoed.size() + " messages fitted into 8 KiB");
        assertEquals(echoed, bob.sync(), "bob got exactly the messages that were written, nothing else");
        assertEquals(text(echoed.toArray(Event.Message[]::new)), Files.readString(data.resolve("lobby.jsonl")),
                "the file ends on its last whole line");

        Files.delete(filler);
        Event.Message next = say(alice, "space again", "s-last");
        assertEquals(echoed.size() + 1L, next.seq(), "the refused message used no seq");
        echoed.add(next);
        assertEquals(text(echoed.toArray(Event.Message[]::new)), Files.readString(data.resolve("lobby.jsonl")));
        live.close();

        TestClient carol = start(FileOpener.SYSTEM, data).registerIn("lobby", "carol");
        assertEquals(echoed.size(), carol.sync().size());
        assertEquals(echoed.size() + 1L, say(carol, "after restart", "c1").seq());
    }

    private Path mountTinyTmpfs() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path point = Files.createDirectory(dir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "lanchat-full-disk", point.toString()),
                "mount -t tmpfs is not available here");
        mounted = point;
        return point;
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Event.Message say(TestClient client, String text, String ref) throws Exception {
        client.send(new Command.Say("lobby", text), ref);
        Envelope<Event> echo = client.next();
        assertEquals(ref, echo.ref());
        return assertInstanceOf(Event.Message.class, echo.message());
    }

    private static String text(Event.Message... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Event.Message message : messages) {
            out.writeBytes(MessageCodec.encode(message));
            out.write('\n');
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
