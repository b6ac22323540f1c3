/**
 * The client's side of TLS, done as {@code ssh} does it since a LAN has no certificate authority: the server's key
 * is pinned by its fingerprint in {@code ~/.lanchat/known_servers} ({@link lanchat.client.tls.KnownServers}),
 * checked during the handshake ({@link lanchat.client.tls.PinningTrustManager}) against what the user decided
 * ({@link lanchat.client.tls.TrustPolicy}: a known key, {@code --trust}, {@code --trust-new}, or a question on
 * the terminal). {@link lanchat.client.tls.Transport} is the seam the connection uses: plain TCP or TLS. Everything
 * here runs on the thread that connects (the main thread at login, the reconnect thread later).
 */
package lanchat.client.tls;
