package lanchat.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * What the client takes from the process around it: standard streams, environment variables, the home folder,
 * the user name, and the terminal if there is one. {@link Main} reads nothing else, so tests run it in-process
 * with streams and a terminal of their own.
 *
 * @param terminals opens the interactive terminal, or gives null when standard input and output are not one
 */
public record Environment(InputStream in, PrintStream out, PrintStream err, Map<String, String> variables, Path home,
        String userName, TerminalSource terminals) {

    /** Opens the terminal for the interactive console; null means "not a terminal: use line mode". */
    @FunctionalInterface
    interface TerminalSource {
        Terminal open() throws IOException;
    }

    /** The real process: System streams and environment, the user's home, the system terminal. */
    static Environment system() {
        return new Environment(System.in, System.out, System.err, System.getenv(),
                Path.of(System.getProperty("user.home")), System.getProperty("user.name"),
                Environment::systemTerminal);
    }

    /**
     * The system terminal when both standard input and output are one, else null. JLine asks the OS (isatty)
     * and falls back to a "dumb" terminal when they are not; {@code System.console()} cannot tell on JDK 22 and
     * later, where it exists even for a pipe.
     */
    private static Terminal systemTerminal() throws IOException {
        // SysOut: standard output must be the terminal too; "client > log.txt" is line mode, writing the file.
        Terminal terminal = TerminalBuilder.builder().system(true).systemOutput(TerminalBuilder.SystemOutput.SysOut)
                .dumb(true).build();
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            terminal.close();
            return null;
        }
        return terminal;
    }
}
