package lanchat.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny TCP proxy between a client and a server on 127.0.0.1, for cutting a connection the way a network does:
 * {@link #cutAll()} resets both sides of every connection at once, without a {@code quit} or a {@code bye}. New
 * connections keep being forwarded. {@link #captured()} is every byte that went through, both ways, as a
 * {@code tcpdump} on the loopback would see it. One virtual thread accepts, two copy each connection's bytes; {@link #close()}
 * stops everything.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listening;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("proxy accept").start(this::acceptLoop);
    }

    public int port() {
        return listening.getLocalPort();
    }

    /** Every byte forwarded so far, in either direction. */
    byte[] captured() {
        synchronized (wire) {
            return wire.toByteArray();
        }
    }

    /** Resets every connection open through the proxy, both ways (SO_LINGER 0: an RST, not a FIN). */
    public void cutAll() {
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        listening.close();
        cutAll();
    }

    private void acceptLoop() {
        while (!listening.isClosed()) {
            try {
                forward(listening.accept());
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    private void forward(Socket client) {
        try {
            Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            sockets.add(client);
            sockets.add(server);
            Thread.ofVirtual().name("proxy up").start(() -> copy(client, server));
            Thread.ofVirtual().name("proxy down").start(() -> copy(server, client));
        } catch (IOException e) {
            // The server is down: so is this connection, as the client will see.
            try {
                client.close();
            } catch (IOException ignored) {
                // gone either way
            }
        }
    }

    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
                synchronized (wire) {
                    wire.write(buffer, 0, n);
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // cut: the other direction notices too
        }
    }
}
