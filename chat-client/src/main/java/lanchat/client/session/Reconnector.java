package lanchat.client.session;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.client.net.ChatConnection;
import lanchat.client.net.ConnectionEnd;
import lanchat.client.net.ConnectionFailure;
import lanchat.client.net.LoginRefused;
import lanchat.protocol.ErrorCode;

/**
 * Gets a lost connection back: waits 0.5 s, tries, and after each failed try waits twice as long, up to 10 s,
 * until a new connection is {@link Session#catchUp caught up} or the user quits. The user sees "reconnecting…"
 * in the prompt meanwhile, and one line per try that failed.
 *
 * <p>A refusal that trying again cannot change (the nick was taken meanwhile, the password is wrong, another
 * protocol) ends the session instead: {@link Session#giveUp}.
 *
 * <p>Threads: {@link #lost} comes from a connection's reader thread, {@link #stop} from the input thread; the
 * trying happens on one virtual thread named {@code reconnect}, started at the first loss and kept until
 * {@link #stop}. A loss reported while it is catching up (the new connection broke too) makes it start over.
 */
public final class Reconnector {
    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(10);

    /** What the reconnector needs from its chat session. */
    interface Session {
        /** Opens a new connection and resumes (or starts afresh) with hello; not started yet. */
        ChatConnection reconnect() throws ConnectionFailure, LoginRefused;

        /** Takes the new connection into use and waits until it has caught up; false when it was lost again. */
        boolean catchUp(ChatConnection fresh) throws InterruptedException;

        /** Reconnecting cannot work: end the session with this sentence. */
        void giveUp(String sentence);
    }

    private final Session session;
    private final Output output;
    private final Wording wording;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean lost;
    private boolean stopped;
    private Thread thread;

    Reconnector(Session session, Output output, Wording wording) {
        this.wording = wording;
        this.session = session;
        this.output = output;
    }

    /** The connection in use was lost without the user asking: reconnect. Reader thread. */
    void lost(ConnectionEnd why) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            lost = true;
            changed.signalAll();
            if (thread == null) {
                thread = Thread.ofVirtual().name("reconnect").start(this::run);
            }
        } finally {
            lock.unlock();
        }
        output.status("reconnecting…");
        output.notice(wording.connectionEnded(why) + " — reconnecting in " + seconds(FIRST_DELAY) + "…");
    }

    /** No more reconnecting: the user quits. Idempotent. */
    void stop() {
        Thread running;
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
        }
    }

    private void run() {
        try {
            while (awaitLoss()) {
                reconnectUntilCaughtUp();
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    private void reconnectUntilCaughtUp() throws InterruptedException {
        Duration delay = FIRST_DELAY;
        while (pause(delay)) {
            clearLoss();
            try {
                ChatConnection fresh = session.reconnect();
                if (isStopped()) {
                    fresh.close();
                    return;
                }
                if (session.catchUp(fresh)) {
                    return;
                }
                delay = FIRST_DELAY;
            } catch (ConnectionFailure failure) {
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
                output.notice("reconnecting: " + wording.connectionFailed(failure) + " — next try in " + seconds(delay));
            } catch (LoginRefused refused) {
                if (isFinal(refused)) {
                    session.giveUp("could not log in again: " + wording.loginRefused(refused));
                    return;
                }
                delay = MAX_DELAY;
                output.notice("reconnecting: " + wording.loginRefused(refused) + " — next try in " + seconds(delay));
            }
        }
    }

    /** Refusals that trying again will not change; server_full, for one, may, and so may the per-address ones. */
    private static boolean isFinal(LoginRefused refused) {
        ErrorCode code = refused.code().orElse(null);
        return code != ErrorCode.SERVER_FULL && code != ErrorCode.RATE_LIMITED
                && code != ErrorCode.TOO_MANY_CONNECTIONS && code != ErrorCode.TOO_MANY_ATTEMPTS;
    }

    /** Waits until a loss is reported; false once stopped. */
    private boolean awaitLoss() throws InterruptedException {
        lock.lock();
        try {
            while (!lost && !stopped) {
                changed.await();
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code delay}, or less if stopped meanwhile; false once stopped. */
    private boolean pause(Duration delay) throws InterruptedException {
        long left = delay.toNanos();
        lock.lock();
        try {
            while (!stopped && left > 0) {
                left = changed.awaitNanos(left);
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    private void clearLoss() {
        lock.lock();
        try {
            lost = false;
        } finally {
            lock.unlock();
        }
    }

    private boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /** "0.5 s", "1 s", "10 s". */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }
}
