package lanchat.client.files;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import lanchat.client.net.ChatConnection;
import lanchat.client.net.ConnectionEnd;
import lanchat.client.net.ConnectionListener;
import lanchat.client.net.Incoming;
import lanchat.protocol.Command;
import lanchat.protocol.Event;

/**
 * A logged-in {@link ChatConnection} with {@link Transfers} on top, as the client's session wires them, minus the
 * terminal: file events go to the transfers, everything the server sends and every line the transfers show is
 * recorded for the test to wait for. {@code tap} may wrap the link, to corrupt or hold back a frame.
 */
final class TransferClient implements ConnectionListener, TransferOutput, AutoCloseable {
    final ChatConnection connection;
    final Transfers transfers;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final List<List<String>> progress = new CopyOnWriteArrayList<>();

    private TransferClient(ChatConnection connection, Path home, Path downloads, UnaryOperator<TransferLink> tap) {
        this.connection = connection;
        TransferLink direct = new TransferLink() {
            @Override
            public void send(Command.FileCommand command) throws IOException {
                connection.send(command);
            }

            @Override
            public void sendUnmetered(Command.FileCommand command) throws IOException {
                connection.sendWithoutRef(command);
            }
        };
        this.transfers = new Transfers(tap.apply(direct), this, new FileFolders(home, downloads));
    }

    /** Logs in as {@code nick}, joins the lobby, and starts handling events. */
    static TransferClient connect(int port, String nick, Path home, Path downloads, UnaryOperator<TransferLink> tap)
            throws Exception {
        ChatConnection connection = ChatConnection.open("127.0.0.1", port, ChatConnection.CONNECT_TIMEOUT);
        connection.hello(new Command.Hello(nick));
        TransferClient client = new TransferClient(connection, home, downloads, tap);
        connection.start(client);
        connection.send(new Command.Join("lobby"));
        client.awaitEvent(event -> event instanceof Event.Users);
        return client;
    }

    static TransferClient connect(int port, String nick, Path home, Path downloads) throws Exception {
        return connect(port, nick, home, downloads, UnaryOperator.identity());
    }

    /** Waits up to 10 s for a shown line containing {@code text}; returns it. */
    String awaitLine(String text) {
        await().atMost(ofSeconds(10)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> assertTrue(
                lines.stream().anyMatch(line -> line.contains(text)),
                () -> "no line with \"" + text + "\" in " + lines + "; notices " + notices));
        return lines.stream().filter(line -> line.contains(text)).findFirst().orElseThrow();
    }

    /** Waits up to 10 s for an event matching {@code test}; returns it. */
    Event awaitEvent(Predicate<Event> test) {
        await().atMost(ofSeconds(10)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> assertTrue(
                events.stream().anyMatch(test), () -> "no such event in " + events));
        return events.stream().filter(test).findFirst().orElseThrow();
    }

    /** The id of the transfer an offer line or echo names: "… [k3f9q2] …". */
    static String idIn(String line) {
        return line.substring(line.indexOf('[') + 1, line.indexOf(']'));
    }

    @Override
    public void onEvent(Incoming incoming) {
        // Chunks are many and large: the test needs the rest.
        if (!(incoming.event() instanceof Event.FileChunk)) {
            events.add(incoming.event());
        }
        if (incoming.event() instanceof Event.FileEvent file) {
            transfers.onEvent(file);
        } else if (incoming.event() instanceof Event.Error error) {
            transfers.onError(error, incoming.answers());
        }
    }

    @Override
    public void onClosed(ConnectionEnd closure) {
        transfers.abortAll();
    }

    @Override
    public void transfer(String text) {
        lines.add(text);
    }

    @Override
    public void notice(String text) {
        notices.add(text);
    }

    @Override
    public void progress(List<String> shown) {
        progress.add(List.copyOf(shown));
    }

    @Override
    public Duration progressInterval() {
        return Duration.ofMillis(20);
    }

    @Override
    public boolean progressInPlace() {
        return true;
    }

    @Override
    public void close() {
        connection.close();
    }
}
