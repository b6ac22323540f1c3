/**
 * The server's side of TLS: its key and self-signed certificate ({@link lanchat.server.tls.KeyMaterial},
 * {@link lanchat.server.tls.CertificateIssuer}) and the layer that turns an accepted socket into a TLS one
 * ({@link lanchat.server.tls.TlsWrapper}). {@code ChatServer} loads the key on the main thread at start; the
 * accept thread only wraps a socket (no I/O), and the handshake runs on the connection's own reader thread.
 */
package lanchat.server.tls;
