package lanchat.client;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The client's {@link Main} running in-process on its own thread, with piped standard input and captured output
 * and error, either in line mode or on a JLine terminal over the same pipes. The test types with {@link #type},
 * waits for output with {@link #awaitOutput}, and takes the exit code from {@link #exitCode}.
 */
public final class ClientRun implements AutoCloseable {
    /** CSI sequences such as colours and cursor moves, and the keypad mode switches ESC = and ESC &gt;. */
    private static final Pattern OWN_SEQUENCES = Pattern.compile("\u001b\\[[0-9;?$]*[A-Za-z]|\u001b[=>]");

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final PipedInputStream stdin;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> variables = new HashMap<>();
    private final Path home;
    private final boolean interactive;
    private CompletableFuture<Integer> exit;

    private ClientRun(Path home, boolean interactive) throws IOException {
        this.stdin = new PipedInputStream(keyboard, 64 * 1024);
        this.home = home;
        this.interactive = interactive;
    }

    /** Standard input is a pipe: the client runs in line mode. */
    public static ClientRun lineMode(Path home) throws IOException {
        return new ClientRun(home, false);
    }

    /** Standard input and output are a terminal (a JLine terminal over the pipes): the interactive console. */
    public static ClientRun interactive(Path home) throws IOException {
        return new ClientRun(home, true);
    }

    public ClientRun withVariable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public ClientRun start(String... args) {
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Environment environment = new Environment(stdin, outStream, errStream, Map.copyOf(variables), home, "tester",
                interactive ? () -> terminal(outStream) : () -> null);
        exit = CompletableFuture.supplyAsync(() -> Main.run(environment, args));
        return this;
    }

    private Terminal terminal(PrintStream outStream) throws IOException {
        return TerminalBuilder.builder().system(false).provider("exec").streams(stdin, outStream).type("xterm-256color")
                .size(new Size(120, 40)).encoding(StandardCharsets.UTF_8).build();
    }

    /** Writes to the client's standard input (keystrokes, in interactive mode). */
    public void type(String text) throws IOException {
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Ends standard input. */
    public void endInput() throws IOException {
        keyboard.close();
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The output with the terminal's control sequences (colours, cursor moves, mode switches) and carriage
     * returns taken out: roughly the text a person would read. Tests about escape sequences look at {@link #out()}.
     */
    public String text() {
        return OWN_SEQUENCES.matcher(out()).replaceAll("").replace("\r", "");
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Waits up to 10 s (a loaded machine is slow) until {@link #text()} contains {@code expected}. */
    public void awaitOutput(String expected) {
        await().atMost(ofSeconds(10)).untilAsserted(() -> assertTrue(text().contains(expected),
                () -> "expected \"" + expected + "\" in the output so far:\n" + text() + "\nerrors:\n" + err()));
    }

    /** Waits up to 10 s until {@link #err()} contains {@code expected}. */
    public void awaitError(String expected) {
        await().atMost(ofSeconds(10)).untilAsserted(() -> assertTrue(err().contains(expected),
                () -> "expected \"" + expected + "\" on standard error so far:\n" + err() + "\noutput:\n"
                        + text()));
    }

    public int exitCode() throws Exception {
        return exit.get(10, TimeUnit.SECONDS);
    }

    /** Ends standard input, which lets a client still reading it finish. */
    @Override
    public void close() throws IOException {
        keyboard.close();
    }
}
