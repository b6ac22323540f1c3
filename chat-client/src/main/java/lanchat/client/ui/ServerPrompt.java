package lanchat.client.ui;

import java.util.List;
import lanchat.client.net.ServerFinder;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Asks the person at the terminal which of the servers found by {@code --discover} to connect to. Runs on the
 * main thread before the chat starts; Ctrl-D or Ctrl-C gives up (null).
 */
public final class ServerPrompt {
    private final Terminal terminal;
    private final LineReader reader;

    public ServerPrompt(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    /** One line per server: where it is, its name (made inert), and how many are chatting there. */
    public static String describe(ServerFinder.Found server) {
        int users = server.info().users();
        // The key is only a hint (anyone can answer a broadcast): the connection checks it against the pins.
        String key = server.info().fingerprint();
        return server.hostAndPort() + "  \"" + Neutraliser.neutralise(server.info().name()) + "\", " + users
                + (users == 1 ? " user" : " users")
                + (key == null ? ", plain text" : ", key " + Neutraliser.neutralise(key));
    }

    public ServerFinder.Found pick(List<ServerFinder.Found> servers) {
        for (int i = 0; i < servers.size(); i++) {
            terminal.writer().println("  " + (i + 1) + ") " + describe(servers.get(i)));
        }
        terminal.flush();
        while (true) {
            String answer;
            try {
                answer = reader.readLine("connect to [1-" + servers.size() + "]: ").strip();
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            }
            if (answer.matches("\\d{1,3}") && Integer.parseInt(answer) >= 1
                    && Integer.parseInt(answer) <= servers.size()) {
                return servers.get(Integer.parseInt(answer) - 1);
            }
            terminal.writer().println("type a number from 1 to " + servers.size() + ", or Ctrl-D to give up");
        }
    }
}
