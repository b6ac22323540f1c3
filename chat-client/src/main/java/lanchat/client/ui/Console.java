package lanchat.client.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lanchat.client.net.ConnectionEnd;
import lanchat.client.net.Incoming;
import lanchat.client.session.ChatSession;
import lanchat.client.session.Output;
import lanchat.client.session.SessionState;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Status;

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
 * <p>The progress of file transfers is drawn in place in a status line at the bottom of the terminal (JLine's
 * {@link Status}, which keeps the rest of the screen scrolling above it), through a widget, so that it is drawn
 * under JLine's lock and never cuts into a redraw of the input line. A terminal without scroll regions gets a
 * progress line printed above the input every few seconds instead.
 *
 * <p>Threads: {@link #run} on the main thread, which is the only one reading the terminal; {@link #event},
 * {@link #notice} and {@link #closed} on any thread. The caller closes the terminal, which restores its modes.
 */
public final class Console implements Output {
    private static final String PROGRESS_WIDGET = "lanchat-progress";
    private static final Duration STATUS_INTERVAL = Duration.ofMillis(250);
    private static final Duration PRINTED_INTERVAL = Duration.ofSeconds(3);

    private final LineReader reader;
    private final Terminal terminal;
    private final SessionState state;
    private final EventRenderer renderer;
    private final ChatCompleter completer;
    private final boolean hasStatusLine;
    private volatile List<AttributedString> progressLines = List.of();
    // Only touched in widgets, under JLine's lock.
    private List<AttributedString> drawnProgress = progressLines;
    private volatile Thread inputThread;
    private volatile ConnectionEnd lostConnection;
    private volatile String status;

    /** @param historyFile where input history is kept across runs, or null to keep it in memory only */
    public Console(Terminal terminal, Path historyFile, SessionState state, EventRenderer renderer) {
        this.terminal = terminal;
        this.state = state;
        this.renderer = renderer;
        this.completer = new ChatCompleter(state);
        this.hasStatusLine = terminal.getStringCapability(Capability.change_scroll_region) != null
                && terminal.getStringCapability(Capability.save_cursor) != null;
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lanchat")
                // No quoting or escaping: "it's" and "C:\temp" are chat text, not shell syntax.
                .parser(new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0]))
                .completer(completer)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // What was typed disappears on Enter: the server's echo shows it once, as everyone sees it.
                .option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = builder.build();
        reader.getWidgets().put(PROGRESS_WIDGET, () -> {
            drawProgress();
            reader.callWidget(LineReader.REDISPLAY);
            return true;
        });
        // Progress that came while no line was being read is drawn as soon as the next one starts.
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            drawProgress();
            return true;
        });
    }

    /** Reads and handles lines until the user quits (returns 0) or the connection is lost (returns 1). */
    public int run(ChatSession session) {
        inputThread = Thread.currentThread();
        completer.completeTransfersOf(session.transfers());
        CommandParser parser = new CommandParser(state);
        while (lostConnection == null) {
            String line = readLine();
            if (lostConnection != null) {
                break;
            }
            if (line == null) {
                session.quit(null);
                return 0;
            }
            if (!session.submit(parser.parse(line))) {
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
        print(renderer.error(ErrorSentences.connectionEnded(lostConnection)));
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

    @Override
    public void showHelp() {
        CommandParser.HELP.forEach(this::notice);
    }

    /** Shown in the prompt ("alice #lobby [reconnecting…]> ") until the next line printed redraws it without. */
    @Override
    public void status(String newStatus) {
        status = newStatus;
        updatePrompt();
    }

    @Override
    public void transfer(String text) {
        print(renderer.notice(text));
    }

    @Override
    public void progress(List<String> lines) {
        if (!hasStatusLine) {
            lines.forEach(line -> print(renderer.notice(line)));
            return;
        }
        progressLines = lines.stream().map(renderer::progress).toList();
        try {
            // The widget runs on this thread, under JLine's lock: it cannot cut into a redraw of the input line.
            reader.callWidget(PROGRESS_WIDGET);
        } catch (IllegalStateException notReading) {
            // Between two lines (the input thread is handling one): the next update draws it.
        }
    }

    @Override
    public Duration progressInterval() {
        return hasStatusLine ? STATUS_INTERVAL : PRINTED_INTERVAL;
    }

    @Override
    public boolean progressInPlace() {
        return hasStatusLine;
    }

    @Override
    public void closed(ConnectionEnd closure) {
        if (!closure.requested()) {
            lostConnection = closure;
            Thread reading = inputThread;
            if (reading != null) {
                // Makes JLine's blocked read throw UserInterruptException, so run() sees the loss at once.
                reading.interrupt();
            }
        }
    }

    /**
     * Draws the progress lines in the status line, if they changed; the input line moves up or down as the status
     * grows or goes. Runs in a widget, under JLine's lock.
     */
    private void drawProgress() {
        List<AttributedString> lines = progressLines;
        if (lines == drawnProgress) {
            return;
        }
        Status status = Status.getStatus(terminal, !lines.isEmpty());
        if (status != null) {
            status.update(lines);
        }
        drawnProgress = lines;
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
