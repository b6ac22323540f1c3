package lanchat.client.files;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.server.ChatServer;
import lanchat.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clients' {@link Transfers} over the real server, at its default limits: whole files, chat alongside a
 * transfer, a corrupted chunk, cancels and departures, hostile names. Links are tapped to hold a chunk back (so
 * a test can act "mid-way") or to corrupt one.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransfersTest {
    private static final int FIVE_MIB = 5 * 1024 * 1024;

    @TempDir
    Path home;
    private Path downloads;

    private ChatServer server;
    private final List<TransferClient> clients = new ArrayList<>();

    @BeforeEach
    void folders() throws IOException {
        downloads = FileFolders.defaultDownloads(home);
        Files.createDirectories(home.resolve("outbox"));
    }

    @AfterEach
    void stop() {
        clients.forEach(TransferClient::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void fiveMebibytesArriveByteIdenticalAndChatFlowsMeanwhile() throws Exception {
        startServer();
        byte[] data = randomBytes(FIVE_MIB);
        Path file = write("random.bin", data);
        // alice's chunk 80 of 160 waits until the chat below has gone through both ways.
        Gate gate = new Gate(80);
        TransferClient alice = client("alice", gate);
        TransferClient bob = client("bob");
        long start = System.nanoTime();
        String id = offerAndAccept(alice, bob, file);

        gate.awaitReached();
        alice.connection.send(new Command.Say("lobby", "still here?"));
        bob.connection.send(new Command.Whisper("alice", "yes, and receiving"));
        bob.awaitEvent(event -> event instanceof Event.Message message && message.text().equals("still here?"));
        alice.awaitEvent(event -> event instanceof Event.Whisper whisper && whisper.from().equals("bob"));
        assertEquals(List.of(id), bob.transfers.ids(), "the transfer is still under way");
        gate.open();

        String saved = bob.awaitLine("saved random.bin [" + id + "] from alice as ");
        assertEquals("saved random.bin [" + id + "] from alice as " + downloads.resolve("random.bin")
                + " (5.0 MiB, checksum verified)", saved);
        assertArrayEquals(data, Files.readAllBytes(downloads.resolve("random.bin")));
        assertEquals("bob saved random.bin [" + id + "] (5.0 MiB, checksum verified)",
                alice.awaitLine("bob saved"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "5 MiB took over 10 s");
        assertEquals(List.of(downloads.resolve("random.bin")), filesIn(downloads));
        assertTrue(bob.progress.stream().flatMap(List::stream).anyMatch(line -> line.startsWith(
                "random.bin [" + id + "] from alice: ") && line.contains("% of 5.0 MiB")), bob.progress.toString());
        assertEquals(List.of(), bob.progress.getLast(), "the progress line is cleared at the end");
    }

    @Test
    void corruptedChunkIsCaughtAndTheFileDeleted() throws Exception {
        startServer();
        Path file = write("notes.txt", randomBytes(100_000));
        TransferClient alice = client("alice", link -> new CorruptingLink(link, 2));
        TransferClient bob = client("bob");
        String id = offerAndAccept(alice, bob, file);

        String failed = bob.awaitLine("failed: checksum mismatch");
        assertTrue(failed.startsWith("notes.txt [" + id + "] from alice failed: checksum mismatch: expected SHA-256 "
                + Checksum.hex(Files.readAllBytes(file)) + ", got "), failed);
        assertTrue(failed.endsWith("; the file was deleted"), failed);
        assertTrue(alice.awaitLine("was cancelled").startsWith("notes.txt [" + id
                + "] to bob was cancelled: checksum mismatch: expected SHA-256 "));
        assertEquals(List.of(), filesIn(downloads));
        assertEquals(List.of(), bob.transfers.ids());
        assertEquals(List.of(), alice.transfers.ids());
    }

    @Test
    void senderCancellingMidWayLeavesNoPartialFile() throws Exception {
        startServer();
        Path file = write("movie.mkv", randomBytes(1_000_000));
        Gate gate = new Gate(10);
        TransferClient alice = client("alice", gate);
        TransferClient bob = client("bob");
        String id = offerAndAccept(alice, bob, file);
        gate.awaitReached();
        awaitPartialFile();

        alice.transfers.handle(new TransferRequest.Cancel(id));
        gate.open();
        assertEquals("you cancelled movie.mkv [" + id + "] to bob", alice.awaitLine("you cancelled"));
        assertEquals("movie.mkv [" + id + "] from alice was cancelled: cancelled by the sender",
                bob.awaitLine("was cancelled"));
        assertEquals(List.of(), filesIn(downloads));
    }

    @Test
    void receiverCancellingMidWayTellsTheSender() throws Exception {
        startServer();
        Path file = write("movie.mkv", randomBytes(1_000_000));
        Gate gate = new Gate(10);
        TransferClient alice = client("alice", gate);
        TransferClient bob = client("bob");
        String id = offerAndAccept(alice, bob, file);
        gate.awaitReached();
        awaitPartialFile();

        bob.transfers.handle(new TransferRequest.Cancel(id));
        assertEquals("you cancelled movie.mkv [" + id + "] from alice; the partial file was deleted",
                bob.awaitLine("you cancelled"));
        assertEquals(List.of(), filesIn(downloads));
        assertEquals("movie.mkv [" + id + "] to bob was cancelled: cancelled by the receiver",
                alice.awaitLine("was cancelled"));
        gate.open();
        assertEquals(List.of(), alice.transfers.ids());
    }

    @Test
    void receiverDisconnectingMidWayLeavesNoPartialFileAndTellsTheSender() throws Exception {
        startServer();
        Path file = write("movie.mkv", randomBytes(1_000_000));
        Gate gate = new Gate(10);
        TransferClient alice = client("alice", gate);
        TransferClient bob = client("bob");
        String id = offerAndAccept(alice, bob, file);
        gate.awaitReached();
        awaitPartialFile();

        bob.close();
        await().atMost(ofSeconds(5)).untilAsserted(() -> assertEquals(List.of(), filesIn(downloads)));
        assertEquals("movie.mkv [" + id + "] to bob was cancelled: left: connection lost",
                alice.awaitLine("was cancelled"));
        gate.open();
        assertEquals(List.of(), alice.transfers.ids());
    }

    @Test
    void offerOverTheServersLimitIsRefusedWithFileTooLarge() throws Exception {
        startServer("--max-file-bytes", "1000");
        Path file = write("big.bin", randomBytes(2000));
        TransferClient alice = client("alice");
        TransferClient bob = client("bob");
        alice.transfers.handle(new TransferRequest.Send("bob", file.toString()));
        Event error = alice.awaitEvent(event -> event instanceof Event.Error);
        assertEquals(new Event.Error(ErrorCode.FILE_TOO_LARGE, "\"big.bin\" is 2000 bytes; this server relays files "
                + "of at most 1000 bytes"), error);
        await().atMost(ofSeconds(5)).until(() -> alice.transfers.ids().isEmpty());
        assertFalse(bob.events.stream().anyMatch(event -> event instanceof Event.FileOffer));
    }

    @Test
    void hostileNameIsSavedSafelyInsideTheDownloadFolder() throws Exception {
        startServer();
        TransferClient bob = client("bob");
        TransferClient mallory = client("mallory");
        byte[] data = "pwned\n".getBytes(StandardCharsets.UTF_8);
        mallory.connection.send(new Command.FileOffer("bob", "evil01", "../../etc/passwd", (long) data.length,
                Checksum.hex(data)));
        assertEquals("mallory offers you ../../etc/passwd [evil01], 6 B (it would be saved as passwd) — /accept "
                + "evil01 [DIR] or /reject evil01", bob.awaitLine("offers you"));
        bob.transfers.handle(new TransferRequest.Accept("evil01", null));
        mallory.awaitEvent(event -> event instanceof Event.FileAccept);
        mallory.connection.send(Command.FileChunk.of("evil01", 0, data, data.length));
        mallory.connection.send(new Command.FileDone("evil01"));

        assertEquals("saved ../../etc/passwd [evil01] from mallory as " + downloads.resolve("passwd") + " (6 B, "
                + "checksum verified)", bob.awaitLine("from mallory as"));
        assertArrayEquals(data, Files.readAllBytes(downloads.resolve("passwd")));
        assertEquals(List.of(downloads.resolve("passwd")), filesIn(downloads));
        assertFalse(Files.exists(home.resolve("etc")));
        assertFalse(Files.exists(home.resolve("Downloads/etc")));
    }

    @Test
    void sameNameTwiceIsNeverOverwritten() throws Exception {
        startServer();
        TransferClient alice = client("alice");
        TransferClient bob = client("bob");
        Path first = write("same.txt", "first".getBytes(StandardCharsets.UTF_8));
        String id = offerAndAccept(alice, bob, first);
        bob.awaitLine("saved same.txt [" + id + "]");
        Files.writeString(first, "second");
        String second = offerAndAccept(alice, bob, first);
        bob.awaitLine("saved same.txt [" + second + "]");
        assertEquals("first", Files.readString(downloads.resolve("same.txt")));
        assertEquals("second", Files.readString(downloads.resolve("same (1).txt")));
    }

    @Test
    void emptyFileIsSentToo() throws Exception {
        startServer();
        TransferClient alice = client("alice");
        TransferClient bob = client("bob");
        String id = offerAndAccept(alice, bob, write("empty", new byte[0]));
        bob.awaitLine("saved empty [" + id + "]");
        assertEquals(0, Files.size(downloads.resolve("empty")));
        alice.awaitLine("bob saved empty [" + id + "] (0 B, checksum verified)");
    }

    /** alice offers {@code file}, bob accepts into the download folder; returns the transfer's id. */
    private String offerAndAccept(TransferClient alice, TransferClient bob, Path file) {
        int before = bob.lines.size();
        alice.transfers.handle(new TransferRequest.Send("bob", file.toString()));
        await().atMost(ofSeconds(10)).until(() -> bob.lines.size() > before
                && bob.lines.getLast().contains(" offers you "));
        String id = TransferClient.idIn(bob.lines.getLast());
        bob.transfers.handle(new TransferRequest.Accept(id, null));
        alice.awaitLine("bob accepted " + file.getFileName() + " [" + id + "]");
        return id;
    }

    private void awaitPartialFile() {
        await().atMost(ofSeconds(5)).untilAsserted(() -> assertTrue(
                filesIn(downloads).stream().anyMatch(path -> path.getFileName().toString().endsWith(".part"))));
    }

    private void startServer(String... options) throws IOException {
        List<String> all = new ArrayList<>(
                List.of("--plain", "--host", "127.0.0.1", "--port", "0", "--drain-timeout", "0.5"));
        all.addAll(List.of(options));
        server = new ChatServer(ServerConfig.fromOptions(all.toArray(String[]::new)),
                new PrintStream(PrintStream.nullOutputStream()));
        server.start();
    }

    private TransferClient client(String nick) throws Exception {
        return client(nick, link -> link);
    }

    private TransferClient client(String nick, UnaryOperator<TransferLink> tap) throws Exception {
        TransferClient client = TransferClient.connect(server.port(), nick, home, downloads, tap);
        clients.add(client);
        return client;
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(home.resolve("outbox").resolve(name), data);
    }

    private static byte[] randomBytes(int count) {
        byte[] data = new byte[count];
        new Random(count).nextBytes(data);
        return data;
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** Holds back chunk {@code index} (on the sending thread) until {@link #open}; passes everything else. */
    private static final class Gate implements UnaryOperator<TransferLink> {
        private final long index;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        Gate(long index) {
            this.index = index;
        }

        @Override
        public TransferLink apply(TransferLink link) {
            return new TransferLink() {
                @Override
                public void send(Command.FileCommand command) throws IOException {
                    link.send(command);
                }

                @Override
                public void sendUnmetered(Command.FileCommand command) throws IOException {
                    if (command instanceof Command.FileChunk chunk && chunk.index() == index) {
                        reached.countDown();
                        try {
                            opened.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    link.sendUnmetered(command);
                }
            };
        }

        void awaitReached() throws InterruptedException {
            assertTrue(reached.await(10, TimeUnit.SECONDS), "chunk " + index + " was never sent");
        }

        void open() {
            opened.countDown();
        }
    }

    /** The test hook of the issue: flips one bit of chunk {@code index} on its way out, after the sender hashed it. */
    private record CorruptingLink(TransferLink link, long index) implements TransferLink {
        @Override
        public void send(Command.FileCommand command) throws IOException {
            link.send(command);
        }

        @Override
        public void sendUnmetered(Command.FileCommand command) throws IOException {
            if (command instanceof Command.FileChunk chunk && chunk.index() == index) {
                byte[] bytes = chunk.bytes();
                bytes[0] ^= 1;
                command = Command.FileChunk.of(chunk.id(), chunk.index(), bytes, bytes.length);
            }
            link.sendUnmetered(command);
        }
    }
}
