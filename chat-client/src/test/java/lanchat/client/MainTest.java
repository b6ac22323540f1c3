package lanchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Options and their mistakes; the runs against a server are in LineModeTest and ConsoleTest. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class MainTest {
    @TempDir
    Path home;

    private ClientRun run(String... args) throws Exception {
        ClientRun client = ClientRun.lineMode(home).start(args);
        client.exitCode();
        return client;
    }

    @Test
    void userNamesBecomeValidNicks() {
        assertEquals("alice", Main.nickFromUserName("alice"));
        assertEquals("john_doe", Main.nickFromUserName("john.doe"));
        assertEquals("u42", Main.nickFromUserName("42"));
        assertEquals("u_svc", Main.nickFromUserName("_svc"));
        assertEquals("jos_", Main.nickFromUserName("josé"));
        assertEquals("a".repeat(20), Main.nickFromUserName("a".repeat(30)));
        assertEquals("guest", Main.nickFromUserName(""));
        assertEquals("guest", Main.nickFromUserName(null));
    }

    @Test
    void invalidNickIsAUsageError() throws Exception {
        ClientRun client = run("--nick", "9lives");
        assertEquals(Main.USAGE, client.exitCode());
        assertEquals("--nick '9lives' is not a valid nick: 1-20 ASCII letters, digits, '_' or '-', starting with a letter"
                + " (see --help)\n", client.err());
    }

    @Test
    void invalidRoomIsAUsageError() throws Exception {
        ClientRun client = run("--room", "no room");
        assertEquals(Main.USAGE, client.exitCode());
        assertEquals("--room 'no room' is not a valid room name: 1-32 ASCII letters, digits, '_' or '-' (see --help)\n",
                client.err());
    }

    @Test
    void portOutOfRangeIsAUsageError() throws Exception {
        ClientRun client = run("--port", "70000");
        assertEquals(Main.USAGE, client.exitCode());
        assertEquals("--port 70000 is not a port number: 1-65535 (see --help)\n", client.err());
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        ClientRun client = run("--colour");
        assertEquals(Main.USAGE, client.exitCode());
        assertEquals("Unknown option: '--colour' (see --help)\n", client.err());
    }

    @Test
    void helpListsEveryOptionWithItsDefault() throws Exception {
        ClientRun client = run("--help");
        assertEquals(Main.OK, client.exitCode());
        String help = client.out();
        for (String expected : new String[] {"--host=HOST", "(default: localhost)", "--port=PORT", "(default: 7777)",
            "--nick=NICK", "--room=ROOM", "(default: lobby)", "--password", "--no-color", "--json", "--version"}) {
            assertTrue(help.contains(expected), () -> expected + " missing from\n" + help);
        }
    }

    @Test
    void versionNamesClientAndProtocol() throws Exception {
        ClientRun client = run("--version");
        assertEquals(Main.OK, client.exitCode());
        assertEquals("lanchat-client 1.0.0, protocol 1\n", client.out());
    }
}
