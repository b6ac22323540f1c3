package lanchat.client;

import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

/**
 * The interactive client on a terminal, with JLine: line editing, history kept in a file, Tab completion
 * ({@link ChatCompleter}), and a prompt showing the nick and the current room. Incoming lines are printed
 * <em>above</em> the input line ({@link LineReader#printAbove}), so what the user is typing is never broken up.
 *
 * <p>{@code /quit}, Ctrl-D, and Ctrl-C on an empty line end the chat: {@code quit} is sent and {@link #run}
 * returns 0. Ctrl-C on a half-typed line only discards that line. While a lost connection is being replaced the
 * prompt says so ({@link #status}); lines typed meanwhile are sent once reconnected. When the session is over for
 * good (the server ended it, or reconnecting is off or impossible), the reader thread interrupts the input thread
 * (JLine then abandons its read), the reason is printed and {@link #run} returns 1.
 *
 * <p>Threads: {@link #run} on the main thread, which is the only one reading the terminal; {@link #event},
 * {@link #notice} and {@link #closed} on any thread. The caller closes the terminal, which restores its modes.
 */
final class Console implements Output {
    private final LineReader reader;
    private final Terminal terminal;
    private final SessionState state;
    private final EventRenderer renderer;
    private volatile Thread inputThread;
    private volatile Closure lostConnection;
    private volatile String status;

    /** @param historyFile where input history is kept across runs, or null to keep it in memory only */
    Console(Terminal terminal, Path historyFile, SessionState state, EventRenderer renderer) {
        this.terminal = terminal;
        this.state = state;
        this.renderer = renderer;
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lanchat")
                // No quoting or escaping: "it's" and "C:\temp" are chat text, not shell syntax.
                .parser(new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0]))
                .completer(new ChatCompleter(state))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // What was typed disappears on Enter: the server's echo shows it once, as everyone sees it.
                .option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = builder.build();
    }

    /** Reads and handles lines until the user quits (returns 0) or the connection is lost (returns 1). */
    int run(ChatSession session) {
        inputThread = Thread.currentThread();
        while (lostConnection == null) {
            String line = readLine();
            if (lostConnection != null) {
                break;
            }
            if (line == null) {
                session.quit(null);
                return 0;
            }
            if (!session.submit(line)) {
                return 0;
            }
        }
        return connectionLost();
    }

    /** The next line; null for Ctrl-D or Ctrl-C on an empty line; "" after Ctrl-C discarded a half-typed one. */
    private String readLine() {
        try {
            return reader.readLine(prompt());
        } catch (EndOfFileException e) {
            return null;
        } catch (UserInterruptException e) {
            return e.getPartialLine().isEmpty() ? null : "";
        }
    }

    private int connectionLost() {
        Thread.interrupted();
        print(renderer.error(lostConnection.sentence()));
        return 1;
    }

    @Override
    public void event(Incoming incoming) {
        var lines = renderer.render(incoming.event(), incoming.answers());
        if (!lines.isEmpty()) {
            // The event may have changed the nick or the current room: the redraw after printAbove shows it.
            updatePrompt();
            lines.forEach(this::print);
        }
    }

    @Override
    public void notice(String text) {
        print(renderer.notice(text));
    }

    /** Shown in the prompt ("alice #lobby [reconnecting…]> ") until the next line printed redraws it without. */
    @Override
    public void status(String newStatus) {
        status = newStatus;
        updatePrompt();
    }

    @Override
    public void closed(Closure closure) {
        if (!closure.requested()) {
            lostConnection = closure;
            Thread reading = inputThread;
            if (reading != null) {
                // Makes JLine's blocked read throw UserInterruptException, so run() sees the loss at once.
                reading.interrupt();
            }
        }
    }

    private void print(AttributedString line) {
        try {
            reader.printAbove(line);
        } catch (IllegalStateException closed) {
            // The terminal was closed as the chat ended; a late line from another thread has nowhere to go.
        }
    }

    private void updatePrompt() {
        if (reader instanceof LineReaderImpl impl) {
            impl.setPrompt(prompt());
        }
    }

    private String prompt() {
        return renderer.prompt(state.nick(), state.currentRoom(), status).toAnsi(terminal);
    }
}
