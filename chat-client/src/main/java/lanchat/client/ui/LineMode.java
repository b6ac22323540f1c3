package lanchat.client.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import lanchat.client.net.ConnectionEnd;
import lanchat.client.net.Incoming;
import lanchat.client.session.ChatSession;
import lanchat.client.session.Output;
import lanchat.protocol.json.MessageCodec;

/**
 * The non-interactive client, for pipes, scripts and tests: reads lines from standard input (the same commands
 * as the console) and prints each incoming event as plain text lines without colours or escape sequences, or,
 * with {@code --json}, as one JSON object per line, the frame as the server sent it. Local notices (help, usage
 * hints) and the periodic progress lines of file transfers go to standard error, so standard output carries only
 * what came from the server and what became of it (a file offered, saved, cancelled).
 *
 * <p>At the end of input it waits for the file transfers it takes part in to end (a file it sends must be
 * accepted, or declined, first), then sends {@code quit} — after every line before it has been sent — waits for
 * the server to close, and exits 0. A lost connection is replaced as in the console (notices on standard error);
 * if input ends while it is, the lines not sent are listed on standard error and the exit code is 1. If the
 * server ends the session for good, it says why on standard error and exits 1.
 *
 * <p>Threads: {@link #run} waits on the caller's thread while a daemon thread named {@code stdin} reads input
 * (a blocking read of standard input cannot be interrupted, so the caller must be free to return without it);
 * events are printed on the connection's reader thread.
 */
public final class LineMode implements Output {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final EventRenderer renderer;
    private final boolean json;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    public LineMode(BufferedReader in, PrintStream out, PrintStream err, EventRenderer renderer, boolean json) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.renderer = renderer;
        this.json = json;
    }

    /** Reads and sends lines until the input or the connection ends; returns the exit code. */
    public int run(ChatSession session) {
        Thread.ofPlatform().daemon().name("stdin").start(() -> readInput(session));
        return exitCode.join();
    }

    private void readInput(ChatSession session) {
        CommandParser parser = new CommandParser(session.state());
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (!session.submit(parser.parse(line))) {
                    exitCode.complete(0);
                    return;
                }
            }
            session.awaitTransfers();
            // Lines that could not be sent (the connection was lost and not back yet) make it a failure.
            exitCode.complete(session.quit(null) ? 0 : 1);
        } catch (IOException e) {
            printLine(err, "could not read standard input: " + e.getMessage());
            session.quit(null);
            exitCode.complete(1);
        }
    }

    @Override
    public void event(Incoming incoming) {
        if (json) {
            printLine(out, json(incoming));
        } else {
            renderer.render(incoming.event(), incoming.answers()).forEach(line -> printLine(out, line.toString()));
        }
    }

    @Override
    public void notice(String text) {
        printLine(err, Neutraliser.neutralise(text));
    }

    @Override
    public void showHelp() {
        CommandParser.HELP.forEach(this::notice);
    }

    /** A transfer's news goes with the events on standard output (with {@code --json}, to standard error). */
    @Override
    public void transfer(String text) {
        printLine(json ? err : out, renderer.notice(text).toString());
    }

    /** Plain progress lines on standard error, one per transfer under way, every {@link #progressInterval}. */
    @Override
    public void progress(List<String> lines) {
        lines.forEach(line -> printLine(err, renderer.notice(line).toString()));
    }

    @Override
    public Duration progressInterval() {
        return PROGRESS_INTERVAL;
    }

    @Override
    public boolean progressInPlace() {
        return false;
    }

    @Override
    public void closed(ConnectionEnd closure) {
        if (!closure.requested()) {
            printLine(err, ErrorSentences.connectionEnded(closure));
            exitCode.complete(1);
        }
    }

    /** One write per line: println writes text and line end apart, and stdout and stderr may share a terminal. */
    private static void printLine(PrintStream stream, String line) {
        stream.print(line + System.lineSeparator());
        stream.flush();
    }

    /**
     * The event as one line of JSON, with its {@code ref}. JSON already escapes C0 controls inside strings;
     * DEL, the C1 controls and every invisible format character (Unicode category Cf: the bidirectional
     * controls U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069, and the zero-width ones such as U+200B
     * and U+FEFF) are escaped here as well, so the line is safe to print on a terminal too. A JSON reader gets
     * the same text back: the escapes are plain JSON.
     */
    static String json(Incoming incoming) {
        String text = new String(MessageCodec.encode(incoming.event(), incoming.ref()), StandardCharsets.UTF_8);
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if ((c >= 0x7F && c <= 0x9F) || Character.getType(c) == Character.FORMAT) {
                // A tag character (U+E0001...) is outside the BMP: JSON spells it as its two surrogates.
                for (char unit : Character.toChars(c)) {
                    safe.append(String.format("\\u%04x", (int) unit));
                }
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }
}
