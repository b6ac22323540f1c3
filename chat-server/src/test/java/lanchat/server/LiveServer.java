package lanchat.server;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lanchat.server.history.FileOpener;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * A started {@link ChatServer} on 127.0.0.1 and a free port, plus the {@link TestClient}s a test opened on it.
 * {@link #close()} closes the clients, then the server.
 */
public final class LiveServer implements AutoCloseable {
    private final ChatServer server;
    private final boolean tls;
    private final List<TestClient> clients = new ArrayList<>();

    private LiveServer(ChatServer server, boolean tls) {
        this.server = server;
        this.tls = tls;
    }

    /**
     * A server with the defaults, 127.0.0.1, port 0 and {@code --plain} (most tests look at the bytes of frames),
     * then {@code options} (later options win).
     */
    public static LiveServer start(String... options) throws IOException {
        return start(FileOpener.SYSTEM, options);
    }

    /** A server as {@link #start(String...)} gives, whose room files are opened by {@code files}. */
    public static LiveServer start(FileOpener files, String... options) throws IOException {
        return start(false, files, Stream.concat(Stream.of("--plain"), Stream.of(options)).toArray(String[]::new));
    }

    /** Like {@link #start}, but over TLS: the server's key in the tests' home folder, clients trusting it. */
    public static LiveServer startTls(String... options) throws IOException {
        return start(true, FileOpener.SYSTEM, options);
    }

    private static LiveServer start(boolean tls, FileOpener files, String... options) throws IOException {
        String[] all = Stream.concat(Stream.of("--host", "127.0.0.1", "--port", "0"), Stream.of(options))
                .toArray(String[]::new);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        ChatServer server = new ChatServer(ServerConfig.fromOptions(all), quiet, files);
        server.start();
        return new LiveServer(server, tls);
    }

    /** Awaitility for server tests: checks at once, then every 10 ms, for up to 5 s. */
    public static ConditionFactory soon() {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10));
    }

    public ChatServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public TestClient connect() throws IOException {
        return track(TestClient.connect(java.net.InetAddress.getLoopbackAddress(), port(), tls));
    }

    public TestClient connectWithoutReading() throws IOException {
        return track(TestClient.connectWithoutReading(port()));
    }

    /** A client connected from the source address {@code source} (127.0.0.2, 127.0.0.3, ...): another host. */
    public TestClient connectFrom(String source) throws IOException {
        return track(TestClient.connectFrom(source, port()));
    }

    /** A client from the source address {@code source} that completed hello as {@code nick}. */
    public TestClient registerFrom(String source, String nick) throws IOException, InterruptedException {
        return track(TestClient.registeredFrom(source, port(), nick));
    }

    /** A client that completed hello as {@code nick}. */
    public TestClient register(String nick) throws IOException, InterruptedException {
        return track(TestClient.registered(java.net.InetAddress.getLoopbackAddress(), port(), nick, tls));
    }

    /** A registered client that joined {@code room}; returns it after its own joined and users. */
    public TestClient registerIn(String room, String nick) throws IOException, InterruptedException {
        TestClient client = register(nick);
        client.join(room);
        return client;
    }

    /** A client that resumed the session of {@code token}, after its welcome (see {@link TestClient#resumed}). */
    public TestClient resume(String nick, String token, java.util.Map<String, Long> lastSeqs)
            throws IOException, InterruptedException {
        return track(TestClient.resumed(port(), nick, token, lastSeqs, tls));
    }

    public TestClient track(TestClient client) {
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(TestClient::close);
        server.close();
    }
}
