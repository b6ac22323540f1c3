package lanchat.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lanchat.client.files.FileFolders;
import lanchat.client.net.ChatConnection;
import lanchat.client.net.ConnectionFailure;
import lanchat.client.net.Incoming;
import lanchat.client.net.Login;
import lanchat.client.net.LoginRefused;
import lanchat.client.net.ServerFinder;
import lanchat.client.session.ChatSession;
import lanchat.client.session.Output;
import lanchat.client.session.SessionState;
import lanchat.client.tls.KnownServers;
import lanchat.client.tls.TlsTransport;
import lanchat.client.tls.Transport;
import lanchat.client.tls.TrustPolicy;
import lanchat.client.ui.Console;
import lanchat.client.ui.ErrorSentences;
import lanchat.client.ui.EventRenderer;
import lanchat.client.ui.LineMode;
import lanchat.client.ui.NickPrompt;
import lanchat.client.ui.ServerPrompt;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.tls.Fingerprint;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code lanchat-client} command: reads the options, logs in, and runs the interactive {@link Console} when
 * standard input and output are a terminal, or the plain {@link LineMode} when they are not (or with
 * {@code --json}). Every failure a user can cause or meet is one sentence on standard error, never a stack trace.
 *
 * <p>Exit codes: {@value #OK} after {@code /quit}, Ctrl-D or the end of input; {@value #CONNECTION_PROBLEM} when
 * the server cannot be reached or closes the connection; {@value #LOGIN_REFUSED} when the server refuses the
 * login (nick taken, wrong password, server full); {@value #USAGE} for bad options.
 */
@Command(name = "lanchat-client", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "The LanChat console client. Interactive on a terminal; with piped input it reads "
                + "commands from stdin and prints one line per event.")
public final class Main implements Callable<Integer> {
    public static final int OK = 0;
    public static final int CONNECTION_PROBLEM = 1;
    public static final int LOGIN_REFUSED = 2;
    static final int USAGE = 64;

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "HOST",
            description = "server host name or address (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", defaultValue = "7777", paramLabel = "PORT",
            description = "server port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--nick", paramLabel = "NICK",
            description = "your nick (default: your user name, made valid)")
    private String nick;

    @Option(names = "--room", defaultValue = "lobby", paramLabel = "ROOM",
            description = "room to join on connect (default: ${DEFAULT-VALUE})")
    private String room;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "the server's password, if it has one")
    private String password;

    @Option(names = "--no-color", description = "no colours (also when the NO_COLOR variable is set)")
    private boolean noColor;

    @Option(names = "--discover", description = "find servers on the LAN (UDP broadcast to --port) and connect "
            + "to the one you pick, or the only one")
    private boolean discover;

    @Option(names = "--json", description = "non-interactive; print every incoming frame as one JSON line")
    private boolean json;

    @Option(names = "--no-reconnect", description = "end when the connection is lost, instead of reconnecting "
            + "(every 0.5 s, doubling to 10 s) and resuming the session")
    private boolean noReconnect;

    @Option(names = "--download-dir", paramLabel = "DIR",
            description = "where accepted files are saved (default: ~/Downloads/lanchat)")
    private String downloadDir;

    @Option(names = "--plain", description = "no TLS: for a server started with --plain; everything, your "
            + "password included, then travels in clear text")
    private boolean plain;

    @Option(names = "--trust", paramLabel = "FINGERPRINT", description = "trust the server if it presents this "
            + "key (SHA256:..., as the server printed it) and remember it; for scripts")
    private String trust;

    @Option(names = "--trust-new", description = "trust a server met for the first time and remember its key; "
            + "a changed key is still refused")
    private boolean trustNew;

    @Option(names = "--known-servers", paramLabel = "FILE",
            description = "the pinned server keys (default: ~/.lanchat/known_servers)")
    private String knownServers;

    private final Environment environment;

    Main(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(Environment.system(), args));
    }

    /** Runs the client with these arguments and returns its exit code. */
    static int run(Environment environment, String... args) {
        CommandLine commandLine = new CommandLine(new Main(environment))
                .setOut(new PrintWriter(environment.out(), true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(environment.err(), true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((problem, arguments) -> {
                    environment.err().println(problem.getMessage() + " (see --help)");
                    return USAGE;
                });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        String problem = optionProblem();
        if (problem != null) {
            environment.err().println(problem + " (see --help)");
            return USAGE;
        }
        String startNick = nick != null ? nick : nickFromUserName(environment.userName());
        Terminal terminal = json ? null : environment.terminals().open();
        try (terminal) {
            if (discover && !discoverServer(terminal)) {
                return CONNECTION_PROBLEM;
            }
            return terminal == null ? chatInLineMode(startNick) : chatInConsole(terminal, startNick);
        }
    }

    /** {@code --discover}: sets host and port to the server found, or says why there is none and returns false. */
    private boolean discoverServer(Terminal terminal) throws IOException {
        environment.err().println("looking for LanChat servers on UDP port " + port + "...");
        List<ServerFinder.Found> servers = new ServerFinder().find(ServerFinder.lanTargets(), port,
                Duration.ofSeconds(1));
        ServerFinder.Found chosen;
        if (servers.isEmpty()) {
            fail(CONNECTION_PROBLEM, "no LanChat server answered within 1 s — is one running on this LAN with "
                    + "discovery on (UDP port " + port + " open)? Or give its address with --host.");
            return false;
        } else if (servers.size() == 1) {
            chosen = servers.get(0);
        } else if (terminal != null) {
            chosen = new ServerPrompt(terminal).pick(servers);
            if (chosen == null) {
                return false;
            }
        } else {
            fail(CONNECTION_PROBLEM, servers.size() + " servers answered: " + servers.stream()
                    .map(ServerPrompt::describe).collect(Collectors.joining("; "))
                    + " — choose one with --host and --port.");
            return false;
        }
        environment.err().println("connecting to " + ServerPrompt.describe(chosen));
        host = chosen.address().getHostAddress();
        port = chosen.info().port();
        return true;
    }

    private String optionProblem() {
        if (port < 1 || port > 65_535) {
            return "--port " + port + " is not a port number: 1-65535";
        }
        if (nick != null && !FieldRules.isValidNick(nick)) {
            return "--nick '" + nick + "' is not a valid nick: " + FieldRules.NICK_RULE;
        }
        if (!FieldRules.isValidRoom(room)) {
            return "--room '" + room + "' is not a valid room name: " + FieldRules.ROOM_RULE;
        }
        if (downloadDir != null && !isPath(downloadDir)) {
            return "--download-dir '" + downloadDir + "' is not a path";
        }
        if (knownServers != null && !isPath(knownServers)) {
            return "--known-servers '" + knownServers + "' is not a path";
        }
        return trustProblem();
    }

    private String trustProblem() {
        if (plain && (trust != null || trustNew)) {
            return "--plain has no key to trust; leave out --trust and --trust-new";
        }
        try {
            if (trust != null) {
                Fingerprint.parse(trust);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "--trust '" + trust + "' is not a fingerprint: " + Fingerprint.FORMAT;
        }
    }

    /** Plain TCP with {@code --plain}; otherwise TLS, asking on {@code terminal} (if any) about a new server. */
    private Transport transport(Terminal terminal) {
        if (plain) {
            return Transport.PLAIN;
        }
        Path file = knownServers != null ? folders().resolve(knownServers)
                : environment.home().resolve(".lanchat").resolve("known_servers");
        return new TlsTransport(new TrustPolicy(new KnownServers(file), trust == null ? null
                : Fingerprint.parse(trust), trustNew, terminal == null ? null : new TrustPrompt(terminal),
                environment.err()));
    }

    private static boolean isPath(String typed) {
        try {
            Path.of(typed);
            return !typed.isBlank();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private int chatInLineMode(String startNick) {
        Login login = new Login(host, port, password, transport(null));
        ChatConnection connection;
        try {
            connection = login.logIn(startNick, refusal -> null);
        } catch (ConnectionFailure failure) {
            return fail(CONNECTION_PROBLEM, ErrorSentences.connectionFailed(failure));
        } catch (LoginRefused refused) {
            return fail(LOGIN_REFUSED, ErrorSentences.refusedLogin(refused) + hintFor(refused));
        }
        SessionState state = new SessionState(connection.welcome().nick());
        EventRenderer renderer = new EventRenderer(false, Clock.systemDefaultZone(), state::nick);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8));
        LineMode lineMode = new LineMode(stdin, environment.out(), environment.err(), renderer, json);
        try (ChatSession session = start(connection, login, state, lineMode)) {
            return lineMode.run(session);
        }
    }

    private int chatInConsole(Terminal terminal, String startNick) {
        Login login = new Login(host, port, password, transport(terminal));
        ChatConnection connection;
        try {
            connection = login.logIn(startNick, new NickPrompt(terminal));
        } catch (ConnectionFailure failure) {
            return fail(CONNECTION_PROBLEM, ErrorSentences.connectionFailed(failure));
        } catch (LoginRefused refused) {
            return fail(LOGIN_REFUSED, ErrorSentences.refusedLogin(refused) + hintFor(refused));
        }
        SessionState state = new SessionState(connection.welcome().nick());
        EventRenderer renderer = new EventRenderer(wantsColour(), Clock.systemDefaultZone(), state::nick);
        Console console = new Console(terminal, historyFile(), state, renderer);
        try (ChatSession session = start(connection, login, state, console)) {
            return console.run(session);
        }
    }

    /** Shows the welcome, starts reading events, joins {@code --room}. */
    private ChatSession start(ChatConnection connection, Login login, SessionState state, Output output) {
        ChatSession session = new ChatSession(connection, state, output, noReconnect ? null : login, folders(),
                ErrorSentences.WORDING);
        output.event(new Incoming(connection.welcome(), null, null));
        session.start();
        session.join(room);
        return session;
    }

    /** The home folder and {@code --download-dir} ({@code ~} allowed), or ~/Downloads/lanchat. */
    private FileFolders folders() {
        Path home = environment.home();
        FileFolders defaults = new FileFolders(home, FileFolders.defaultDownloads(home));
        return downloadDir == null ? defaults : new FileFolders(home, defaults.resolve(downloadDir));
    }

    private boolean wantsColour() {
        String noColour = environment.variables().get("NO_COLOR");
        return !noColor && (noColour == null || noColour.isEmpty());
    }

    /** ~/.lanchat/history, or null (history in memory only) when the folder cannot be made. */
    private Path historyFile() {
        Path folder = environment.home().resolve(".lanchat");
        try {
            Files.createDirectories(folder);
            return folder.resolve("history");
        } catch (IOException e) {
            environment.err().println("input history is not kept: cannot create " + folder);
            return null;
        }
    }

    private int fail(int exitCode, String sentence) {
        environment.err().println(sentence);
        return exitCode;
    }

    private static String hintFor(LoginRefused refused) {
        return refused.code().map(code -> switch (code) {
            case NICK_TAKEN, NICK_INVALID -> " — choose another with --nick";
            case BAD_PASSWORD -> " — check --password";
            default -> "";
        }).orElse("");
    }

    /**
     * The OS user name made into a valid nick: characters other than ASCII letters, digits, '_' and '-' become
     * '_', a leading non-letter gets a "u" in front, and it is cut to the longest nick allowed; "guest" when
     * nothing is left.
     */
    static String nickFromUserName(String userName) {
        if (userName == null || userName.isBlank()) {
            return "guest";
        }
        String nick = userName.strip().replaceAll("[^A-Za-z0-9_-]", "_");
        if (!nick.substring(0, 1).matches("[A-Za-z]")) {
            nick = "u" + nick;
        }
        nick = nick.substring(0, Math.min(nick.length(), FieldRules.MAX_NICK_CHARS));
        return FieldRules.isValidNick(nick) ? nick : "guest";
    }

    /** {@code --version}: the client's version, from a resource Maven fills in, and the protocol version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (var in = Main.class.getResourceAsStream("/lanchat-client.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"lanchat-client " + properties.getProperty("version", "(development build)")
                    + ", protocol " + FieldRules.PROTOCOL_VERSION};
        }
    }
}
