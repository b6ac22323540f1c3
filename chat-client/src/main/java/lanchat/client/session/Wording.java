package lanchat.client.session;

import lanchat.client.net.ConnectionEnd;
import lanchat.client.net.ConnectionFailure;
import lanchat.client.net.LoginRefused;

/**
 * How the session words what the network reports, for the notices it gives while reconnecting. The user
 * interface supplies it (its sentences make the server's text inert), so the session needs nothing from the
 * interface but this. Called on the reconnect thread; implementations are stateless.
 */
public interface Wording {

    /** "the server at localhost:7777 closed the connection: shutting down". */
    String connectionEnded(ConnectionEnd end);

    /** Why a connection could not be made: "no LanChat server at localhost:7777 — is it running?". */
    String connectionFailed(ConnectionFailure failure);

    /** Why the server refused the hello: "nick 'bob' is already taken on localhost:7777". */
    String loginRefused(LoginRefused refused);
}
