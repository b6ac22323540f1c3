package lanchat.client.net;

import java.util.Map;
import lanchat.client.tls.Transport;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.FieldRules;

/**
 * Connects and logs in: opens a {@link ChatConnection}, sends {@code hello}, and returns the connection once the
 * server has welcomed it. When the nick is taken (or the server rejects it), a {@link NickChooser} may offer
 * another and the login is tried again on a fresh connection; without one, the refusal is final.
 *
 * <p>{@link #reconnect} logs in again after a lost connection, resuming the session.
 *
 * <p>Runs on the caller's thread; the returned connection is not started yet.
 */
public final class Login {
    private final String host;
    private final int port;
    private final String password;
    private final Transport transport;

    /** Where a new nick comes from after a refusal; null means "give up". */
    @FunctionalInterface
    public interface NickChooser {
        /**
         * @param refusal why the last nick was refused
         * @return a valid nick to try next, or null to give up
         */
        String anotherNick(LoginRefused refusal);
    }

    public Login(String host, int port, String password) {
        this(host, port, password, Transport.PLAIN);
    }

    /** Connects through {@code transport}: plain TCP or TLS, for the login and every reconnect. */
    public Login(String host, int port, String password, Transport transport) {
        this.host = host;
        this.port = port;
        this.password = password;
        this.transport = transport;
    }

    /**
     * @throws ConnectionFailure no connection, or it ended before a welcome
     * @throws LoginRefused      the server refused the hello, and no other nick was offered
     */
    public ChatConnection logIn(String nick, NickChooser chooser) throws ConnectionFailure, LoginRefused {
        String tryNick = nick;
        while (true) {
            ChatConnection connection = ChatConnection.open(host, port, ChatConnection.CONNECT_TIMEOUT, transport);
            try {
                connection.hello(new Command.Hello(tryNick, FieldRules.PROTOCOL_VERSION, password, null));
                return connection;
            } catch (LoginRefused refused) {
                connection.close();
                tryNick = isAboutTheNick(refused) ? chooser.anotherNick(refused) : null;
                if (tryNick == null) {
                    throw refused;
                }
            } catch (ConnectionFailure failure) {
                connection.close();
                throw failure;
            }
        }
    }

    /**
     * Logs in again after a lost connection: {@code hello} with {@code resume{token, rooms}}. The welcome says
     * whether the server resumed the session; if it could not, this is a fresh session as {@code nick}.
     *
     * @param lastSeqs the last seq seen in each room the client is in
     * @throws ConnectionFailure no connection, or it ended before a welcome
     * @throws LoginRefused      the server refused the hello (the nick was taken meanwhile, the server is full)
     */
    public ChatConnection reconnect(String nick, String token, Map<String, Long> lastSeqs)
            throws ConnectionFailure, LoginRefused {
        ChatConnection connection = ChatConnection.open(host, port, ChatConnection.CONNECT_TIMEOUT, transport);
        try {
            connection.hello(new Command.Hello(nick, FieldRules.PROTOCOL_VERSION, password,
                    new Command.Resume(token, lastSeqs)));
            return connection;
        } catch (LoginRefused | ConnectionFailure e) {
            connection.close();
            throw e;
        }
    }

    /** "host:port" of the server. */
    public String peer() {
        return host + ":" + port;
    }

    private static boolean isAboutTheNick(LoginRefused refused) {
        ErrorCode code = refused.code().orElse(null);
        return code == ErrorCode.NICK_TAKEN || code == ErrorCode.NICK_INVALID;
    }
}
