package lanchat.client.session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.client.net.ChatConnection;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;

/**
 * Everything the user sends, across lost connections, so that no line is silently lost. While connected, a
 * command goes out at once (paced to the server's rate limit) and a {@code say} or {@code whisper} stays
 * <em>unconfirmed</em> until its echo, matched by {@code ref}, comes back. When the connection is lost, the
 * unconfirmed ones become <em>uncertain</em>: the server may or may not have had them. Until the next connection
 * is {@link #settle settled}, typed commands <em>wait</em>.
 *
 * <p>Settling, once the server has replayed what this client missed: an uncertain {@code say} that came back in
 * the replay (the same room, text and action, said by this client) did reach the server and is dropped; any other
 * is sent again, followed by the waiting commands in the order they were typed. An uncertain whisper is never
 * sent twice: the user is told it may not have arrived. What cannot be sent at all (the user quits while
 * disconnected) is listed by {@link #abandon}.
 *
 * <p>Threads: {@link #send} on the input thread; {@link #confirm}, {@link #observe} and {@link #lost} on a
 * connection's reader thread; {@link #attach}, {@link #sendNow} and {@link #settle} on the reconnect thread. One
 * lock guards the state; it is held while a frame is written (so a ref is registered before its echo can be
 * matched), never while waiting for the rate limit.
 */
public final class Outgoing {
    private final ReentrantLock lock = new ReentrantLock();
    private final Output output;
    private final ArrayDeque<Command> waiting = new ArrayDeque<>();
    private final Map<String, Command> unconfirmed = new LinkedHashMap<>();
    private final List<Command> uncertain = new ArrayList<>();
    private final List<Event.Message> ownSinceLoss = new ArrayList<>();
    private ChatConnection connection;
    private SendPacer pacer;
    private boolean settled = true;

    Outgoing(ChatConnection connection, SendPacer pacer, Output output) {
        this.connection = connection;
        this.pacer = pacer;
        this.output = output;
    }

    /** The connection in use, or null while there is none. */
    ChatConnection connection() {
        lock.lock();
        try {
            return connection;
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code command} now, or keeps it until the next connection is settled. Input thread. */
    void send(Command command) throws InterruptedException {
        SendPacer current = pacerWhenSettled();
        if (current != null) {
            current.awaitTurn();
        }
        lock.lock();
        try {
            if (!settled || !trySend(command)) {
                waiting.add(command);
                output.notice("not connected: will send \"" + describe(command) + "\" once reconnected ("
                        + waiting.size() + " waiting)");
            }
        } finally {
            lock.unlock();
        }
    }

    /** An echo or an error answered {@code ref}: that command reached the server. Reader thread. */
    void confirm(String ref) {
        if (ref == null) {
            return;
        }
        lock.lock();
        try {
            unconfirmed.remove(ref);
        } finally {
            lock.unlock();
        }
    }

    /** A new message this client said, shown while a lost connection is being replaced. Reader thread. */
    void observe(Event.Message own) {
        lock.lock();
        try {
            if (!settled) {
                ownSinceLoss.add(own);
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code lost} ended: what it had not confirmed becomes uncertain, and commands wait. Reader thread. */
    void lost(ChatConnection lostConnection) {
        lock.lock();
        try {
            if (connection == lostConnection) {
                connection = null;
            }
            settled = false;
            uncertain.addAll(unconfirmed.values());
            unconfirmed.clear();
        } finally {
            lock.unlock();
        }
    }

    /** A new connection; commands keep waiting until {@link #settle}. Reconnect thread. */
    void attach(ChatConnection fresh, SendPacer freshPacer) {
        lock.lock();
        try {
            connection = fresh;
            pacer = freshPacer;
        } finally {
            lock.unlock();
        }
    }

    /** Sends a command of the catch-up itself (a rejoin, the ping that ends it) and returns its ref. */
    String sendNow(Command command) throws IOException, InterruptedException {
        pacer().awaitTurn();
        lock.lock();
        try {
            if (connection == null) {
                throw new IOException("the connection was lost again");
            }
            return connection.send(command);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Resolves the uncertain commands against the messages replayed since the loss, then sends what has to go
     * and what waited, in order. Returns false, with the rest still waiting, when the connection is lost again
     * meanwhile. Reconnect thread, after the server's catch-up has fully arrived.
     */
    boolean settle() throws InterruptedException {
        queueAgain(resolveUncertain());
        while (true) {
            SendPacer current = pacer();
            current.awaitTurn();
            lock.lock();
            try {
                if (waiting.isEmpty()) {
                    settled = connection != null;
                    ownSinceLoss.clear();
                    return settled;
                }
                if (!trySend(waiting.peek())) {
                    return false;
                }
                waiting.poll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The user quits while disconnected: every command that may not have reached the server, in order. */
    List<Command> abandon() {
        lock.lock();
        try {
            List<Command> unsent = new ArrayList<>(uncertain);
            unsent.addAll(unconfirmed.values());
            unsent.addAll(waiting);
            uncertain.clear();
            unconfirmed.clear();
            waiting.clear();
            return unsent;
        } finally {
            lock.unlock();
        }
    }

    /** True while connected and caught up: commands go out at once. */
    boolean settled() {
        lock.lock();
        try {
            return settled && connection != null;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the server's rate limit allows one more frame. */
    void awaitTurn() throws InterruptedException {
        pacer().awaitTurn();
    }

    /** How a command is named to the user: the line's text, or "/msg bob text", or the command type. */
    static String describe(Command command) {
        return switch (command) {
            case Command.Say say -> (say.action() ? "/me " : "") + say.text();
            case Command.Whisper whisper -> "/msg " + whisper.to() + " " + whisper.text();
            case Command.Join join -> "/join " + join.room();
            case Command.Leave leave -> "/leave " + leave.room();
            case Command.Nick nick -> "/nick " + nick.nick();
            default -> "/" + lanchat.protocol.json.MessageCodec.label(command);
        };
    }

    // With the lock held. False when the connection is gone; the caller keeps the command.
    private boolean trySend(Command command) {
        if (connection == null) {
            return false;
        }
        try {
            String ref = connection.send(command);
            if (command instanceof Command.Say || command instanceof Command.Whisper) {
                unconfirmed.put(ref, command);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The uncertain says to send again; uncertain whispers are reported, not resent. */
    private List<Command> resolveUncertain() {
        lock.lock();
        try {
            List<Command> again = new ArrayList<>();
            for (Command command : uncertain) {
                if (command instanceof Command.Say say && !cameBack(say)) {
                    again.add(say);
                } else if (command instanceof Command.Whisper whisper) {
                    output.notice("the connection was lost before the server confirmed \"" + describe(whisper)
                            + "\"; it may not have arrived, and was not sent again");
                }
            }
            uncertain.clear();
            return again;
        } finally {
            lock.unlock();
        }
    }

    // With the lock held: a replayed message of this client with the same room, text and action, used up.
    private boolean cameBack(Command.Say say) {
        for (Iterator<Event.Message> it = ownSinceLoss.iterator(); it.hasNext(); ) {
            Event.Message own = it.next();
            if (FieldRules.fold(own.room()).equals(FieldRules.fold(say.room())) && own.text().equals(say.text())
                    && own.action() == say.action()) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private void queueAgain(List<Command> again) {
        lock.lock();
        try {
            for (int i = again.size() - 1; i >= 0; i--) {
                waiting.addFirst(again.get(i));
            }
        } finally {
            lock.unlock();
        }
    }

    private SendPacer pacerWhenSettled() {
        lock.lock();
        try {
            return settled ? pacer : null;
        } finally {
            lock.unlock();
        }
    }

    private SendPacer pacer() {
        lock.lock();
        try {
            return pacer;
        } finally {
            lock.unlock();
        }
    }
}
