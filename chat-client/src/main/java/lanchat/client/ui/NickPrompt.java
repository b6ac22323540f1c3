package lanchat.client.ui;

import lanchat.client.net.Login;
import lanchat.client.net.LoginRefused;
import lanchat.protocol.FieldRules;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Asks the person at the terminal for another nick when the server refused one at login. Runs on the main
 * thread before the chat starts; Ctrl-D or Ctrl-C gives up.
 */
public final class NickPrompt implements Login.NickChooser {
    private final Terminal terminal;
    private final LineReader reader;

    public NickPrompt(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    @Override
    public String anotherNick(LoginRefused refusal) {
        say(ErrorSentences.refusedLogin(refusal) + ".");
        while (true) {
            String nick;
            try {
                nick = reader.readLine("another nick: ").strip();
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            }
            if (FieldRules.isValidNick(nick)) {
                return nick;
            }
            say("'" + Neutraliser.neutralise(nick) + "' is not a valid nick: " + FieldRules.NICK_RULE + ".");
        }
    }

    private void say(String sentence) {
        terminal.writer().println(sentence);
        terminal.flush();
    }
}
