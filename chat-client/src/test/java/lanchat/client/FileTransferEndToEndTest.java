package lanchat.client;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lanchat.client.files.FileFolders;
import lanchat.server.ChatServer;
import lanchat.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * File transfers between clients run through {@link Main}, as a user would: {@code /send}, {@code /accept},
 * {@code --download-dir}, in line mode and in the interactive console, against the real server at its default
 * rate limit.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class FileTransferEndToEndTest {
    private static final Pattern OFFER_ID = Pattern.compile("offers you .* \\[([a-z0-9]+)\\]");

    @TempDir
    Path home;

    private ChatServer server;
    private final List<ClientRun> clients = new ArrayList<>();

    @AfterEach
    void stopEverything() throws IOException {
        for (ClientRun client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void fiveMebibyteFileGoesFromOneLineModeClientToAnother() throws Exception {
        startServer();
        byte[] data = new byte[5 * 1024 * 1024];
        new Random(5).nextBytes(data);
        Path file = Files.write(home.resolve("random data.bin"), data);
        Path downloads = home.resolve("in");
        ClientRun alice = lineClient("alice");
        ClientRun bob = lineClient("bob", "--download-dir", downloads.toString());

        alice.type("/send bob " + file + "\n");
        String id = offeredId(bob);
        alice.awaitOutput("--- offered random data.bin [" + id + "] (5.0 MiB) to bob; waiting for them to accept");
        bob.type("/accept " + id + "\n");
        bob.awaitOutput("--- receiving random data.bin [" + id + "] from alice into " + downloads);
        alice.awaitOutput("--- bob accepted random data.bin [" + id + "]; sending");
        bob.awaitOutput("--- saved random data.bin [" + id + "] from alice as " + downloads.resolve("random data.bin")
                + " (5.0 MiB, checksum verified)");
        alice.awaitOutput("--- bob saved random data.bin [" + id + "] (5.0 MiB, checksum verified)");
        assertArrayEquals(data, Files.readAllBytes(downloads.resolve("random data.bin")));
        assertEquals(List.of("random data.bin"), names(downloads));
        assertTrue(!alice.err().contains("slow down") && !bob.err().contains("slow down"), alice.err() + bob.err());
    }

    @Test
    void scriptThatSendsAFileWaitsForItBeforeQuitting() throws Exception {
        startServer();
        Path file = Files.writeString(home.resolve("report.txt"), "quarterly numbers\n");
        ClientRun bob = lineClient("bob", "--download-dir", home.resolve("in").toString());
        ClientRun script = lineClient("script");
        script.type("/send bob " + file + "\n");
        script.endInput();
        String id = offeredId(bob);
        script.awaitOutput("--- offered report.txt [" + id + "] (18 B) to bob");
        bob.type("/accept " + id + "\n");
        assertEquals(Main.OK, script.exitCode());
        script.awaitOutput("--- bob saved report.txt [" + id + "] (18 B, checksum verified)");
        assertEquals("waiting for 1 file transfer to end before quitting (/cancel or Ctrl-C to stop)\n", script.err());
        assertEquals("quarterly numbers\n", Files.readString(home.resolve("in/report.txt")));
        bob.awaitOutput("<-- script left #lobby (quit)");
    }

    @Test
    void offerOverTheLimitIsRefusedWithASentence() throws Exception {
        startServer("--max-file-bytes", "1000");
        Path file = Files.write(home.resolve("big.bin"), new byte[2000]);
        ClientRun alice = lineClient("alice");
        lineClient("bob");
        alice.type("/send bob " + file + "\n/transfers\n");
        alice.awaitOutput("!!! the file is too large for this server: \"big.bin\" is 2000 bytes; this server relays "
                + "files of at most 1000 bytes");
    }

    @Test
    void mistakesAreOneLineHintsOnStandardError() throws Exception {
        startServer();
        ClientRun alice = lineClient("alice");
        alice.type("/send bob " + home.resolve("missing.txt") + "\n/send bob " + home + "\n/accept zzzzzz\n"
                + "/transfers\n/cancel\n");
        await().atMost(ofSeconds(5)).until(() -> alice.err().lines().count() >= 5);
        assertEquals(List.of("there is no file you can read at " + home.resolve("missing.txt"),
                home + " is a folder; send the files in it one by one",
                "no transfer zzzzzz — /transfers lists them",
                "no file transfers",
                "usage: /cancel ID"), alice.err().lines().toList());
    }

    @Test
    void consoleKeepsTheHalfTypedLineWhileAFileArrives() throws Exception {
        startServer();
        byte[] data = new byte[2 * 1024 * 1024];
        new Random(2).nextBytes(data);
        Path file = Files.write(home.resolve("photo.jpg"), data);
        ClientRun alice = lineClient("alice");
        ClientRun bob = ClientRun.interactive(home).start(args("bob"));
        clients.add(bob);
        bob.awaitOutput("bob #lobby> ");

        alice.type("/send bob " + file + "\n");
        String id = offeredId(bob);
        bob.type("/accept " + id + "\r");
        bob.type("half-typ");
        bob.awaitOutput("saved photo.jpg [" + id + "] from alice as "
                + FileFolders.defaultDownloads(home).resolve("photo.jpg"));
        bob.type("ed\r");
        alice.awaitOutput("#lobby <bob> half-typed");
        assertArrayEquals(data, Files.readAllBytes(FileFolders.defaultDownloads(home).resolve("photo.jpg")));
    }

    private String offeredId(ClientRun receiver) {
        receiver.awaitOutput(" offers you ");
        Matcher matcher = OFFER_ID.matcher(receiver.text());
        assertTrue(matcher.find(), receiver.text());
        return matcher.group(1);
    }

    private ClientRun lineClient(String nick, String... more) throws IOException {
        ClientRun client = ClientRun.lineMode(home).start(args(nick, more));
        clients.add(client);
        client.awaitOutput("--> you joined #lobby");
        return client;
    }

    private String[] args(String nick, String... more) {
        List<String> args = new ArrayList<>(List.of("--plain", "--host", "127.0.0.1", "--port",
                String.valueOf(server.port()), "--nick", nick));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private void startServer(String... options) throws IOException {
        List<String> all = new ArrayList<>(
                List.of("--plain", "--host", "127.0.0.1", "--port", "0", "--drain-timeout", "1"));
        all.addAll(List.of(options));
        server = new ChatServer(ServerConfig.fromOptions(all.toArray(String[]::new)),
                new PrintStream(PrintStream.nullOutputStream()));
        server.start();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
