/**
 * The client's network side, with no terminal and no session in it: {@link lanchat.client.net.ChatConnection}
 * (one socket: connect, hello/welcome, a reader thread delivering {@link lanchat.client.net.Incoming} events to a
 * {@link lanchat.client.net.ConnectionListener}, {@code send} from any thread under a write lock),
 * {@link lanchat.client.net.Login} (log in, trying another nick; log in again with resume), and
 * {@link lanchat.client.net.ServerFinder} (UDP discovery on the LAN).
 *
 * <p>What goes wrong is reported as facts: {@link lanchat.client.net.ConnectionEnd},
 * {@link lanchat.client.net.ConnectionFailure}, {@link lanchat.client.net.LoginRefused}. The user interface
 * words them and makes the server's text inert. Public for tools that reuse the connection without a terminal.
 */
package lanchat.client.net;
