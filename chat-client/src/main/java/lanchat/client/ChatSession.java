package lanchat.client;

import java.io.IOException;
import java.time.Duration;
import lanchat.client.files.FileFolders;
import lanchat.client.files.TransferLink;
import lanchat.client.files.Transfers;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.ProtocolException;

/**
 * Joins a {@link ChatConnection} to a user interface: lines the user typed become commands (through the
 * {@link CommandParser}), and events from the server update the {@link SessionState} and are shown on the
 * {@link Output}. The same for the interactive console and the plain line mode.
 *
 * <p>Commands go out no faster than the server's rate limit allows ({@link SendPacer}): a pasted or piped burst of
 * lines is slowed down rather than partly dropped. File commands and events go to {@link Transfers}, which sends
 * the frames that move a transfer along (chunks, acks) at once: the server does not count those.
 *
 * <p>{@link #submit} and {@link #quit} run on the input thread; the listener methods run on the connection's
 * reader thread.
 */
final class ChatSession implements ConnectionListener {
    /** How long to wait for the server to close its side after {@code quit}. */
    static final Duration QUIT_WAIT = Duration.ofSeconds(2);

    private final ChatConnection connection;
    private final SessionState state;
    private final CommandParser parser;
    private final Output output;
    private final SendPacer pacer;
    private final Transfers transfers;

    ChatSession(ChatConnection connection, SessionState state, Output output, SendPacer pacer,
            FileFolders folders) {
        this.connection = connection;
        this.state = state;
        this.parser = new CommandParser(state);
        this.output = output;
        this.pacer = pacer;
        this.transfers = new Transfers(new Link(), output, folders);
    }

    /** This session's file transfers. */
    Transfers transfers() {
        return transfers;
    }

    /**
     * Handles one line the user typed.
     *
     * @return false when the user asked to quit (the connection is then closed), true to go on reading
     */
    boolean submit(String line) {
        switch (parser.parse(line)) {
            case Input.Send send -> send(send.command());
            case Input.SwitchRoom switchRoom -> {
                state.focus(switchRoom.room());
                output.notice("now talking in #" + state.currentRoom());
            }
            case Input.File file -> transfers.handle(file.request());
            case Input.Help help -> CommandParser.HELP.forEach(output::notice);
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
    void join(String room) {
        send(new Command.Join(room));
    }

    /** Waits until no file transfer needs this client any more ({@link Transfers#awaitSettled}). Input thread. */
    void awaitTransfers() {
        try {
            transfers.awaitSettled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends {@code quit}, waits for the server to close, closes; no partial download is left behind. */
    void quit(String reason) {
        if (awaitTurn()) {
            connection.quit(reason, QUIT_WAIT);
        } else {
            connection.close();
        }
        transfers.abortAll();
    }

    private void send(Command command) {
        if (command instanceof Command.Join join) {
            // Focus first: a line typed next goes to the new room, and the server handles it after the join.
            state.focus(join.room());
        }
        if (!awaitTurn()) {
            return;
        }
        try {
            connection.send(command);
        } catch (IOException e) {
            output.notice("not sent: the connection is closed");
        }
    }

    /** Waits until the server's rate limit allows one more frame; false when interrupted (the session is ending). */
    private boolean awaitTurn() {
        try {
            pacer.awaitTurn();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void onEvent(Incoming incoming) {
        state.apply(incoming.event(), incoming.answers());
        if (incoming.event() instanceof Event.FileEvent file) {
            transfers.onEvent(file);
        } else if (incoming.event() instanceof Event.Error error) {
            transfers.onError(error, incoming.answers());
        }
        output.event(incoming);
    }

    @Override
    public void onSkippedFrame(ProtocolException problem) {
        output.notice("skipped a frame from the server that this client cannot read: " + problem.getMessage());
    }

    @Override
    public void onClosed(Closure closure) {
        transfers.abortAll();
        output.closed(closure);
    }

    /** How transfers reach the server: offers and answers paced like chat lines, the rest at once. */
    private final class Link implements TransferLink {
        @Override
        public void send(Command.FileCommand command) throws IOException {
            if (!awaitTurn()) {
                throw new IOException("interrupted while waiting for the rate limit");
            }
            connection.send(command);
        }

        @Override
        public void sendUnmetered(Command.FileCommand command) throws IOException {
            connection.sendWithoutRef(command);
        }
    }
}
