/**
 * How bytes reach a client and come back: the {@link lanchat.server.transport.Connection} interface that carries
 * frames for a session, its TCP implementation ({@link lanchat.server.transport.TcpListener} with the listening
 * socket, the backlog and the {@code accept} thread; {@link lanchat.server.transport.TcpConnection} with one reader
 * thread per connection), and the bounded outbound queue every connection writes through
 * ({@link lanchat.server.transport.Outbox}, its {@link lanchat.server.transport.SendQueue}, the
 * {@link lanchat.server.transport.WriteBatch} it joins frames into, and the optional
 * {@link lanchat.server.transport.Coalescer} that spaces writes).
 *
 * <p>The only server package that touches {@code java.net.Socket} (discovery's UDP socket aside). It knows frames
 * (protocol.wire) but not what they mean: no JSON, no sessions. Threads: {@code accept} (the listener), one reader
 * per connection ({@code session NICK@PEER}), one {@code outbox NICK} writer while there is something to send, and
 * the {@code coalescer}. A TLS socket or a WebSocket is another {@code Connection}; the session and chat layers
 * above do not change.
 */
package lanchat.server.transport;
