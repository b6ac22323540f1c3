package lanchat.client.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import lanchat.client.tls.TlsFailure;

/**
 * A connection could not be made or did not get as far as a welcome. The message is one sentence for the user,
 * printed as it is, without a stack trace: "no LanChat server at localhost:7777 — is it running?". When the
 * server closed the connection, {@link #end()} says how, and the user interface words it (with the server's text
 * made inert).
 */
public final class ConnectionFailure extends IOException {
    // Set once, by closed(), before the exception is thrown.
    private transient ConnectionEnd end;

    private ConnectionFailure(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    /** Why {@code connect()} failed, as one sentence. */
    static ConnectionFailure connecting(String host, String peer, Duration timeout, IOException e) {
        return switch (e) {
            case TlsFailure tls -> new ConnectionFailure(tls.getMessage(), tls);
            case UnknownHostException unknown -> unknownHost(host, e);
            case ConnectException refused -> refused(peer, e);
            case SocketTimeoutException timedOut -> timedOut(peer, timeout, e);
            default -> broken(peer, e);
        };
    }

    static ConnectionFailure refused(String peer, Throwable cause) {
        return new ConnectionFailure("no LanChat server at " + peer + " — is it running?", cause);
    }

    static ConnectionFailure unknownHost(String host, Throwable cause) {
        return new ConnectionFailure("unknown host '" + host + "' — check --host", cause);
    }

    static ConnectionFailure timedOut(String peer, Duration timeout, Throwable cause) {
        return new ConnectionFailure("no answer from " + peer + " within " + seconds(timeout)
                + " — is the host up and the port open?", cause);
    }

    static ConnectionFailure noWelcome(String peer, Duration timeout, Throwable cause) {
        return new ConnectionFailure(peer + " accepted the connection but sent no welcome within "
                + seconds(timeout) + " — is it a LanChat server?", cause);
    }

    static ConnectionFailure notLanChat(String peer, Throwable cause) {
        return new ConnectionFailure(peer + " does not speak the LanChat protocol (" + cause.getMessage() + ")",
                cause);
    }

    static ConnectionFailure closed(ConnectionEnd end) {
        var failure = new ConnectionFailure("the connection to " + end.peer() + " ended before the welcome", null);
        failure.end = end;
        return failure;
    }

    /** How the connection ended, when the server closed it before its welcome; null for the other failures. */
    public ConnectionEnd end() {
        return end;
    }

    /** "5 s", or "0.3 s" for the short timeouts of tests. */
    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }

    static ConnectionFailure broken(String peer, IOException cause) {
        return new ConnectionFailure("could not connect to " + peer + ": " + cause.getMessage(), cause);
    }
}
