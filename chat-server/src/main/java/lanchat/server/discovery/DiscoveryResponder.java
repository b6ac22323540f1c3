package lanchat.server.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import lanchat.server.runtime.LastResort;
import lanchat.server.runtime.ThreadKind;
import java.util.logging.Logger;
import lanchat.protocol.discovery.Discovery;

/**
 * Answers LAN discovery datagrams (PROTOCOL.md, "Discovery"): the tutorial's {@code recvfrom}/{@code sendto}.
 * One UDP socket and one thread, {@code discovery}, which receives a datagram, checks its magic and size, and
 * sends the reply straight back to the address and port it came from. Anything else is ignored, with at most
 * one log line a minute, so a flood of junk cannot flood the log either.
 *
 * <p>Started and closed by {@link ChatServer}; {@link #close()} closes the socket, which ends the thread.
 */
public final class DiscoveryResponder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DiscoveryResponder.class.getName());
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final DatagramSocket socket;
    private final Supplier<Discovery.ServerInfo> info;
    private long ignored;
    private Instant lastLogged = Instant.EPOCH;

    /** Binds the UDP socket; {@link #start} begins answering. */
    public DiscoveryResponder(InetAddress address, int port, Supplier<Discovery.ServerInfo> info)
            throws SocketException {
        // Bound to the wildcard address (0.0.0.0 or ::) it also receives broadcasts; broadcasts need no option
        // on the receiving side, only on the sender's.
        this.socket = new DatagramSocket(new InetSocketAddress(address, port));
        this.info = info;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void start(ThreadKind threads) {
        start(threads, LastResort.logOnly());
    }

    /** Starts the {@code discovery} thread; what it does not expect goes to {@code lastResort}. */
    public void start(ThreadKind threads, LastResort lastResort) {
        threads.start("discovery", () -> answerLoop(lastResort));
    }

    private void answerLoop(LastResort lastResort) {
        // A query longer than the buffer is cut to its size; it is still a query, and the reply fits.
        byte[] buffer = new byte[Discovery.QUERY_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                answer(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warning("discovery: " + e.getMessage());
                }
            } catch (Throwable failure) {
                lastResort.caught("discovery", failure);
            }
        }
    }

    private void answer(DatagramPacket query) throws IOException {
        Optional<byte[]> reply = Discovery.replyTo(query.getData(), query.getLength(), info.get());
        if (reply.isEmpty()) {
            ignore(query);
            return;
        }
        socket.send(new DatagramPacket(reply.get(), reply.get().length, query.getSocketAddress()));
        LOG.fine(() -> "discovery: answered " + query.getSocketAddress());
    }

    private void ignore(DatagramPacket datagram) {
        ignored++;
        Instant now = Instant.now();
        if (Duration.between(lastLogged, now).compareTo(LOG_EVERY) >= 0) {
            LOG.info("discovery: ignored " + ignored + " datagram(s) that are not LanChat queries, the last from "
                    + datagram.getSocketAddress() + " (" + datagram.getLength() + " bytes)");
            ignored = 0;
            lastLogged = now;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
