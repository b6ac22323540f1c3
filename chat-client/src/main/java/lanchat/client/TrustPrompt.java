package lanchat.client;

import lanchat.client.tls.TrustPolicy;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Asks the person at the terminal whether to trust a server met for the first time, showing its key's
 * fingerprint, as {@code ssh} does. Runs on the connecting thread (main, before the chat starts); Ctrl-D or
 * Ctrl-C means no, and only "yes" (or "y") means yes.
 */
final class TrustPrompt implements TrustPolicy.Asker {
    private final Terminal terminal;
    private final LineReader reader;

    TrustPrompt(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    @Override
    public boolean confirm(String explanation, String question) {
        terminal.writer().println(explanation);
        terminal.flush();
        while (true) {
            String answer;
            try {
                answer = reader.readLine(question).strip().toLowerCase(java.util.Locale.ROOT);
            } catch (UserInterruptException | EndOfFileException e) {
                return false;
            }
            if (answer.equals("yes") || answer.equals("y")) {
                return true;
            }
            if (answer.equals("no") || answer.equals("n")) {
                return false;
            }
            terminal.writer().println("please answer yes or no");
        }
    }
}
