package lanchat.client.session;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lanchat.client.files.FileFolders;
import lanchat.client.files.TransferLink;
import lanchat.client.files.Transfers;
import lanchat.client.net.ChatConnection;
import lanchat.client.net.ConnectionEnd;
import lanchat.client.net.ConnectionFailure;
import lanchat.client.net.ConnectionListener;
import lanchat.client.net.Incoming;
import lanchat.client.net.Login;
import lanchat.client.net.LoginRefused;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.ProtocolException;

/**
 * Joins a {@link ChatConnection} to a user interface: lines the user typed become commands (through the
 * {@link CommandParser}) and go out through {@link Outgoing}; events from the server update the
 * {@link SessionState} and are shown on the {@link Output}, each message once ({@link SeenMessages}).
 *
 * <p>When the connection is lost without the user asking, and the server did not end the session itself (an
 * error that closes the connection), a {@link Reconnector} gets a new one: it resumes the session with its token
 * and the last seq seen in each room, or, when the server no longer has it, starts afresh and rejoins the rooms.
 * {@link #catchUp} then waits for the server's replay, and only then sends what was typed meanwhile.
 *
 * <p>Commands go out no faster than the server's rate limit allows ({@link SendPacer}): a pasted or piped burst of
 * lines is slowed down rather than partly dropped. File commands and events go to {@link Transfers}, which sends
 * the frames that move a transfer along (chunks, acks) at once: the server does not count those. A transfer does
 * not survive a lost connection: it is cancelled on both sides, and the user sends the file again.
 *
 * <p>{@link #submit} and {@link #quit} run on the input thread; events arrive on the current connection's reader
 * thread; {@link #catchUp} runs on the reconnect thread.
 */
public final class ChatSession implements Reconnector.Session, AutoCloseable {
    /** How long to wait for the server to close its side after {@code quit}. */
    static final Duration QUIT_WAIT = Duration.ofSeconds(2);
    /** How long a new connection may take to deliver its catch-up before it is given up as broken. */
    static final Duration CATCH_UP_WAIT = Duration.ofSeconds(10);
    private static final String RESUMED_ELSEWHERE = "resumed on another connection";

    private final SessionState state;
    private final Output output;
    private final Login login;
    private final SeenMessages seen = new SeenMessages();
    private final Outgoing outgoing;
    private final Reconnector reconnector;
    private final Map<String, CompletableFuture<Void>> pongs = new ConcurrentHashMap<>();
    private final Transfers transfers;
    private volatile String token;
    private volatile boolean quitting;

    /**
     * @param login   how to reconnect, or null to end the session when the connection is lost
     * @param folders where accepted files are saved
     */
    public ChatSession(ChatConnection connection, SessionState state, Output output, Login login, FileFolders folders,
            Wording wording) {
        this.state = state;
        this.output = output;
        this.login = login;
        this.outgoing = new Outgoing(connection, SendPacer.forLimitsOf(connection.welcome()), output);
        this.reconnector = login == null ? null : new Reconnector(this, output, wording);
        this.token = connection.welcome().token();
        this.transfers = new Transfers(new Link(), output, folders);
    }

    /** This session's file transfers. */
    public Transfers transfers() {
        return transfers;
    }

    /** What the session knows: nick, rooms, members. */
    public SessionState state() {
        return state;
    }

    /** Starts delivering the connection's events here. */
    public void start() {
        ChatConnection connection = outgoing.connection();
        connection.start(new Listener(connection));
    }

    /**
     * Does what one line the user typed asks for, as the user interface parsed it.
     *
     * @return false when the user asked to quit (the connection is then closed), true to go on reading
     */
    public boolean submit(Input input) {
        switch (input) {
            case Input.Send send -> send(send.command());
            case Input.File file -> transfers.handle(file.request());
            case Input.SwitchRoom switchRoom -> {
                state.focus(switchRoom.room());
                output.notice("now talking in #" + state.currentRoom());
            }
            case Input.Help help -> output.showHelp();
            case Input.Hint hint -> output.notice(hint.text());
            case Input.Quit quit -> {
                quit(quit.reason());
                return false;
            }
            case Input.Nothing nothing -> { }
        }
        return true;
    }

    /** Joins a room and makes it the current one; used for {@code --room} and {@code /join}. */
    public void join(String room) {
        send(new Command.Join(room));
    }

    /** Waits until no file transfer needs this client any more ({@link Transfers#awaitSettled}). Input thread. */
    public void awaitTransfers() {
        try {
            transfers.awaitSettled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the session: sends {@code quit}, waits for the server to close, closes. While disconnected, it says
     * which lines could not be sent instead.
     *
     * @return true when everything the user typed was sent
     */
    public boolean quit(String reason) {
        quitting = true;
        if (reconnector != null) {
            reconnector.stop();
        }
        ChatConnection connection = outgoing.connection();
        if (connection != null && outgoing.settled()) {
            if (awaitTurn()) {
                connection.quit(reason, QUIT_WAIT);
            } else {
                connection.close();
            }
            // No partial download is left behind.
            transfers.abortAll();
            return true;
        }
        transfers.abortAll();
        List<Command> unsent = outgoing.abandon();
        unsent.forEach(command -> output.notice("not sent (no connection): " + Outgoing.describe(command)));
        if (connection != null) {
            connection.close();
        }
        return unsent.isEmpty();
    }

    private void send(Command command) {
        if (command instanceof Command.Join join) {
            // Focus first: a line typed next goes to the new room, and the server handles it after the join.
            state.focus(join.room());
        }
        try {
            outgoing.send(command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the rate limit allows one more frame; false when interrupted (the session is ending). */
    private boolean awaitTurn() {
        try {
            outgoing.awaitTurn();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops reconnecting and closes the connection in use, if any, without a word to the server. Idempotent. */
    @Override
    public void close() {
        quitting = true;
        if (reconnector != null) {
            reconnector.stop();
        }
        ChatConnection connection = outgoing.connection();
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public ChatConnection reconnect() throws ConnectionFailure, LoginRefused {
        return login.reconnect(state.nick(), token, seen.lastSeqs(state.rooms()));
    }

    /**
     * Takes {@code fresh} into use: shows the welcome; after a fresh start rejoins the rooms; sends a ping and
     * waits for its pong, by which time the server's catch-up (replayed messages, users, gaps) has all arrived;
     * then sends again what may not have arrived and what was typed meanwhile ({@link Outgoing#settle}).
     */
    @Override
    public boolean catchUp(ChatConnection fresh) throws InterruptedException {
        Event.Welcome welcome = fresh.welcome();
        token = welcome.token();
        // The state keeps its rooms through a fresh start: they are the ones to join again, even if this
        // connection breaks before the server confirms them.
        List<String> rejoin = welcome.resumed() ? List.of() : state.rooms();
        state.apply(welcome, null);
        outgoing.attach(fresh, SendPacer.forLimitsOf(welcome));
        output.status(null);
        output.event(new Incoming(welcome, null, null));
        output.notice(welcome.resumed() ? "reconnected: session resumed"
                : "reconnected as a new session (the server no longer had the old one)"
                        + (rejoin.isEmpty() ? "" : "; rejoining #" + String.join(", #", rejoin)));
        Listener listener = new Listener(fresh);
        fresh.start(listener);
        try {
            for (String room : rejoin) {
                outgoing.sendNow(new Command.Join(room));
            }
            String ref = outgoing.sendNow(new Command.Ping());
            CompletableFuture.anyOf(pong(ref), listener.closed)
                    .get(CATCH_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            pongs.remove(ref);
            return !listener.closed.isDone() && outgoing.settle();
        } catch (java.io.IOException | ExecutionException | TimeoutException e) {
            fresh.close();
            return false;
        }
    }

    @Override
    public void giveUp(String sentence) {
        ChatConnection connection = outgoing.connection();
        output.closed(new ConnectionEnd(false, connection == null ? login.peer() : connection.peer(), null, sentence));
    }

    private CompletableFuture<Void> pong(String ref) {
        return pongs.computeIfAbsent(ref, key -> new CompletableFuture<>());
    }

    private boolean isMe(String nick) {
        return FieldRules.fold(nick).equals(FieldRules.fold(state.nick()));
    }

    /** One connection's events, on its reader thread. */
    private final class Listener implements ConnectionListener {
        private final ChatConnection connection;
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private volatile boolean endedByServer;

        Listener(ChatConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onEvent(Incoming incoming) {
            Event event = incoming.event();
            outgoing.confirm(incoming.ref());
            switch (event) {
                case Event.Message message -> {
                    SeenMessages.Judgement judgement = seen.judge(message);
                    if (judgement.duplicate()) {
                        return;
                    }
                    if (judgement.missed() != null) {
                        output.event(new Incoming(judgement.missed(), null, null));
                    }
                    if (isMe(message.from())) {
                        outgoing.observe(message);
                    }
                }
                case Event.Gap gap -> seen.skip(gap);
                case Event.Pong pong -> {
                    if (incoming.ref() != null) {
                        pong(incoming.ref()).complete(null);
                    }
                }
                case Event.Error error -> endedByServer |= ErrorCode.fromWire(error.code())
                        .map(ErrorCode::closesConnection).orElse(false);
                case Event.Bye bye -> endedByServer |= RESUMED_ELSEWHERE.equals(bye.reason());
                default -> { }
            }
            state.apply(event, incoming.answers());
            if (event instanceof Event.FileEvent file) {
                transfers.onEvent(file);
            } else if (event instanceof Event.Error error) {
                transfers.onError(error, incoming.answers());
            }
            output.event(incoming);
        }

        @Override
        public void onSkippedFrame(ProtocolException problem) {
            output.notice("skipped a frame from the server that this client cannot read: " + problem.getMessage());
        }

        @Override
        public void onClosed(ConnectionEnd closure) {
            closed.complete(null);
            transfers.abortAll();
            if (closure.requested() || quitting) {
                output.closed(closure);
                return;
            }
            outgoing.lost(connection);
            if (reconnector == null || endedByServer) {
                output.closed(closure);
            } else {
                reconnector.lost(closure);
            }
        }
    }

    /** How transfers reach the server: offers and answers paced like chat lines, the rest at once. */
    private final class Link implements TransferLink {
        @Override
        public void send(Command.FileCommand command) throws IOException {
            if (!awaitTurn()) {
                throw new IOException("interrupted while waiting for the rate limit");
            }
            current().send(command);
        }

        @Override
        public void sendUnmetered(Command.FileCommand command) throws IOException {
            current().sendWithoutRef(command);
        }

        private ChatConnection current() throws IOException {
            ChatConnection connection = outgoing.connection();
            if (connection == null) {
                throw new IOException("not connected");
            }
            return connection;
        }
    }
}
