package lanchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import lanchat.protocol.Command;
import lanchat.protocol.Event;

/**
 * One client of the {@code capacity} scenario: connects, says hello, and then only answers the server's
 * {@code ping}s, until the benchmark pings it once to prove the connection still works end to end.
 *
 * <p>Runs on a virtual thread of its own, named {@code idle NICK}: ten thousand of them cost the benchmark a
 * few megabytes, where platform threads would cost it gigabytes of reserved stacks. At most
 * {@code handshakes} permits' worth of members are between connect and welcome at once, so the ramp does not
 * overflow the server's listen backlog. {@link #ping()} is called from the main thread; {@link #close()} from
 * any thread, any number of times.
 */
final class IdleMember implements Runnable {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final int BUFFER_BYTES = 512;

    /** Where a member is in its life. */
    enum State { CONNECTING, REGISTERED, REFUSED, FAILED, DROPPED, CLOSED }

    private final InetSocketAddress server;
    private final String nick;
    private final Semaphore handshakes;
    private final RunClock clock;
    private volatile LoadClient client;
    private volatile State state = State.CONNECTING;
    private volatile long settledNanos;
    private volatile String problem;
    private volatile boolean answered;

    IdleMember(InetSocketAddress server, String nick, Semaphore handshakes, RunClock clock) {
        this.server = server;
        this.nick = nick;
        this.handshakes = handshakes;
        this.clock = clock;
    }

    @Override
    public void run() {
        if (!register()) {
            return;
        }
        try {
            FrameInput input = client.input();
            while (input.next()) {
                switch (input.decodeEvent()) {
                    case Event.Ping ping -> client.send(new Command.Pong());
                    case Event.Pong pong -> answered = true;
                    case Event.Error error -> problem = error.code() + " (" + error.message() + ")";
                    case Event.Bye bye -> problem = "bye: " + bye.reason();
                    default -> {
                        // Nothing else is expected by an idle client; nothing else matters to this count.
                    }
                }
            }
            drop(problem == null ? "closed by the server" : problem);
        } catch (IOException e) {
            drop(e.getMessage());
        }
    }

    /** Connect, hello, welcome; false (with the state saying why) when that fails. */
    private boolean register() {
        try {
            handshakes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settle(State.FAILED, "interrupted before connecting");
            return false;
        }
        try {
            client = LoadClient.connect(server, nick, HANDSHAKE_TIMEOUT, 0, BUFFER_BYTES);
            client.stopTimingOutReads();
            settle(State.REGISTERED, null);
            return true;
        } catch (RefusedException e) {
            settle(e.code().equals("server_full") ? State.REFUSED : State.FAILED, e.getMessage());
        } catch (IOException | BenchException e) {
            settle(State.FAILED, nick + ": " + e);
        } finally {
            handshakes.release();
        }
        return false;
    }

    private void settle(State next, String why) {
        problem = why;
        settledNanos = clock.now();
        state = next;
    }

    private void drop(String why) {
        if (state == State.REGISTERED) {
            problem = why;
            state = State.DROPPED;
        }
    }

    /** Sends a ping; the pong sets {@link #answered()}. False when the connection is no longer there. */
    boolean ping() {
        LoadClient connection = client;
        if (state != State.REGISTERED || connection == null) {
            return false;
        }
        try {
            connection.send(new Command.Ping());
            return true;
        } catch (IOException e) {
            drop(e.getMessage());
            return false;
        }
    }

    State state() {
        return state;
    }

    /** {@link RunClock} time when the handshake ended, either way; 0 while connecting. */
    long settledNanos() {
        return settledNanos;
    }

    String problem() {
        return problem;
    }

    boolean answered() {
        return answered;
    }

    /** Says {@code quit}, so that the server ends the session at once (holding nothing for a resume), and closes. */
    void quit() {
        LoadClient connection = client;
        if (state == State.REGISTERED && connection != null) {
            try {
                connection.send(new Command.Quit("warm-up over"));
            } catch (IOException e) {
                // closing anyway
            }
        }
        close();
    }

    /** Closes the connection; the member's thread then ends. */
    void close() {
        if (state == State.REGISTERED) {
            state = State.CLOSED;
        }
        LoadClient connection = client;
        if (connection != null) {
            connection.close();
        }
    }
}
