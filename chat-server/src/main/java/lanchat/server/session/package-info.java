/**
 * One client's session, whatever connection carries it: the {@link lanchat.server.session.Session} (nick, token,
 * departure), its {@link lanchat.server.session.Handshake} and {@link lanchat.server.session.Resumption},
 * {@link lanchat.server.session.Liveness} (handshake deadline, idle pings) and the
 * {@link lanchat.server.session.IdleSweep}, the hold for a resume ({@code HoldState}), the rate limits, the
 * per-address {@link lanchat.server.session.HostLedger} and {@link lanchat.server.session.PasswordGuard}, the
 * reasons a connection ends ({@link lanchat.server.session.Disconnect}), and the registries a cluster would share:
 * {@link lanchat.server.session.NickRegistry} and {@link lanchat.server.session.TokenRegistry} (in-memory today).
 *
 * <p>Below {@code .chat}, above {@code .transport}: it sees a {@link lanchat.server.transport.Connection}, never a
 * socket, and hands commands up through the {@link lanchat.server.session.Commands} interface the chat layer
 * implements. Threads: a session's commands run on its connection's reader thread with the session's lock held;
 * the {@code timer} thread runs deadlines, the idle sweep and held sessions' expiry; any thread may
 * {@code disconnect} a session or deliver to it.
 */
package lanchat.server.session;
