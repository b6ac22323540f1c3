/**
 * LAN discovery: the {@link lanchat.server.discovery.DiscoveryResponder} answers clients' UDP broadcasts with the
 * server's name, port and number of users, on its own {@code discovery} thread. Its {@code DatagramSocket} is the
 * only socket outside {@code .transport}. Started and closed by the server; uses the protocol and
 * {@code .runtime} only.
 */
package lanchat.server.discovery;
