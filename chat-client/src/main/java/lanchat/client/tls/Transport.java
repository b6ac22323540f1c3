package lanchat.client.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * How a connection reaches the server: {@link #PLAIN} TCP ({@code --plain}), or {@link TlsTransport}. Either
 * returns a connected socket carrying the LanChat frames; the protocol inside is the same.
 */
@FunctionalInterface
public interface Transport {
    /** Clear-text TCP, for a server started with {@code --plain}. */
    Transport PLAIN = Transport::tcp;

    /**
     * Connects to {@code host:port}, waiting at most {@code timeout} for TCP (and for the TLS handshake).
     *
     * @throws TlsFailure  the server's key is not trusted, or the TLS handshake failed
     * @throws IOException TCP could not connect (refused, unknown host, timed out)
     */
    Socket connect(String host, int port, Duration timeout) throws IOException;

    /** A TCP connection with Nagle's algorithm off (chat frames are small and each one matters now). */
    static Socket tcp(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
